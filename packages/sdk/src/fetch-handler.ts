import type { LoginReport } from './login-report.ts';
import { loginEvent, selfReported } from './login-report.ts';
import type { Reporter } from './reporter.ts';
import { chooseRequestEvent, resolveAutoReportRules } from './request-event.ts';
import type { AutoReportOptions } from './request-event.ts';

export interface KlaxonFetchOptions<Ctx extends unknown[]> extends AutoReportOptions<Request> {
  /**
   * The client's address: a header your proxy or platform sets (`'x-real-ip'`, `'cf-connecting-ip'`,
   * `'fly-client-ip'`; only one that the client cannot set itself), or a function of the request and
   * the handler's other arguments (Hono: `(req, c) => getConnInfo(c).remote.address`).
   */
  ip: string | ((request: Request, ...context: Ctx) => string | undefined);
}

type FetchHandler<Ctx extends unknown[]> = (
  request: Request,
  ...context: Ctx
) => Response | Promise<Response>;

/**
 * Wraps a fetch-style handler (Next.js route handler, Hono, Deno.serve, Bun.serve): reports logins,
 * CSRF failures (a thrown CSRF error, then rethrown) and forbidden answers, as the Express helper.
 * The body of a login is read from a clone when it is a form or JSON.
 */
export function withKlaxon<Ctx extends unknown[]>(
  reporter: Pick<Reporter, 'report'>,
  handler: FetchHandler<Ctx>,
  options: KlaxonFetchOptions<Ctx>,
): FetchHandler<Ctx> {
  const rules = resolveAutoReportRules(options);
  const readIp = (request: Request, context: Ctx): string | undefined => {
    if (typeof options.ip === 'function') return options.ip(request, ...context);
    return request.headers.get(options.ip)?.split(',')[0]?.trim();
  };
  return async (request, ...context) => {
    // Only a login's body is read (for the username), from a clone so the handler still gets it.
    const body = isLogin(request) ? readBody(request.clone()) : Promise.resolve(undefined);
    const facts = { body, context };
    let response: Response;
    try {
      response = await handler(request, ...context);
    } catch (error) {
      if (rules.isCsrfError(error)) await report(request, facts, 403, true);
      throw error;
    }
    await report(request, facts, response.status, false, response);
    return response;
  };

  function isLogin(request: Request): boolean {
    const path = new URL(request.url).pathname;
    return (
      rules.loginMethods.has(request.method.toUpperCase()) &&
      rules.loginPaths.some((p) =>
        typeof p === 'string' ? p === path.replace(/\/+$/, '') || p === path : p.test(path),
      )
    );
  }

  async function report(
    request: Request,
    pending: { body: Promise<unknown>; context: Ctx },
    status: number,
    csrf: boolean,
    response?: Response,
  ): Promise<void> {
    try {
      if (selfReported.has(request) && !csrf) return;
      const facts = {
        method: request.method,
        url: new URL(request.url).pathname,
        status,
        headers: Object.fromEntries(request.headers),
        ip: readIp(request, pending.context),
        body: await pending.body,
        responseHeader: (name: string) => response?.headers.get(name) ?? undefined,
        csrf,
      };
      const event = chooseRequestEvent(facts, rules, request);
      if (event) reporter.report(event);
    } catch {
      // Reporting is best effort.
    }
  }
}

/** `reportLogin` for a fetch `Request`: the address comes from `login.ip`. */
export function reportFetchLogin(
  reporter: Pick<Reporter, 'report'>,
  request: Request,
  login: LoginReport,
): void {
  reporter.report(loginEvent(request, login));
}

async function readBody(request: Request): Promise<unknown> {
  try {
    const type = request.headers.get('content-type') ?? '';
    if (type.includes('application/json')) return await request.json();
    if (type.includes('form')) return Object.fromEntries(await request.formData());
  } catch {
    // No username then.
  }
  return undefined;
}
