import type { LoginReport } from './login-report.ts';
import { loginEvent, selfReported } from './login-report.ts';
import type { HeaderBag } from './portable.ts';
import { readField } from './read-field.ts';
import type { Reporter } from './reporter.ts';
import { chooseRequestEvent, firstHeader, resolveAutoReportRules } from './request-event.ts';
import type { AutoReportOptions, AutoReportRules } from './request-event.ts';

/** The parts of an Express request the middleware reads; Express itself is not needed at run time. */
export interface ExpressRequestLike {
  method: string;
  url: string;
  originalUrl?: string;
  headers: HeaderBag;
  /** Express's client address: honours `app.set('trust proxy', ...)`. */
  ip?: string | undefined;
  socket?: { remoteAddress?: string | undefined } | null;
  body?: unknown;
}

export interface ExpressResponseLike {
  statusCode: number;
  once(event: 'finish', listener: () => void): unknown;
  getHeader?(name: string): string | number | string[] | undefined;
}

export type ExpressNext = (error?: unknown) => void;

export type KlaxonExpressOptions<Req extends ExpressRequestLike = ExpressRequestLike> =
  AutoReportOptions<Req>;

/**
 * `app.use(klaxon)` before the routes; `app.use(klaxon.errorHandler)` after them, before the
 * application's own error handlers, so it sees CSRF errors (it passes every error on unchanged).
 */
export interface KlaxonExpressMiddleware<Req extends ExpressRequestLike = ExpressRequestLike> {
  (req: Req, res: ExpressResponseLike, next: ExpressNext): void;
  errorHandler: (error: unknown, req: Req, res: ExpressResponseLike, next: ExpressNext) => void;
  /** Reports a login attempt yourself (the middleware then does not report this request). */
  reportLogin(req: Req, login: LoginReport): void;
}

/**
 * Express 4/5 middleware that reports failed and successful logins, CSRF failures and forbidden
 * answers once each response is sent. The client address is `req.ip`, so `app.set('trust proxy', ...)`
 * decides whether X-Forwarded-For counts. It never changes the response and never throws.
 */
export function klaxonExpress<Req extends ExpressRequestLike = ExpressRequestLike>(
  reporter: Pick<Reporter, 'report'>,
  options: KlaxonExpressOptions<Req> = {},
): KlaxonExpressMiddleware<Req> {
  const rules = resolveAutoReportRules(options);
  const watched = new WeakMap<object, { csrf: boolean }>();

  const middleware = (req: Req, res: ExpressResponseLike, next: ExpressNext): void => {
    try {
      const state = { csrf: false };
      watched.set(req, state);
      res.once('finish', () => reportRequest(reporter, rules, req, res, res.statusCode, state.csrf));
    } catch {
      // Reporting is best effort; the request goes on regardless.
    }
    next();
  };

  const errorHandler = (error: unknown, req: Req, res: ExpressResponseLike, next: ExpressNext): void => {
    try {
      if (rules.isCsrfError(error)) {
        const state = watched.get(req);
        // Without the middleware in front there is no finish hook: report now, with the error's status.
        if (state) state.csrf = true;
        else reportRequest(reporter, rules, req, res, statusOf(error), true);
      }
    } catch {
      // As above.
    }
    next(error);
  };

  const reportLogin = (req: Req, login: LoginReport): void => reporter.report(loginEvent(req, login));
  return Object.assign(middleware, { errorHandler, reportLogin });
}

function reportRequest<Req extends ExpressRequestLike>(
  reporter: Pick<Reporter, 'report'>,
  rules: AutoReportRules<Req>,
  req: Req,
  res: ExpressResponseLike,
  status: number,
  csrf: boolean,
): void {
  try {
    if (selfReported.has(req) && !csrf) return;
    const facts = {
      method: req.method,
      url: req.originalUrl ?? req.url,
      status,
      headers: req.headers,
      ip: req.ip ?? req.socket?.remoteAddress,
      body: req.body,
      responseHeader: (name: string) => firstHeader(res.getHeader?.(name)),
      csrf,
    };
    const event = chooseRequestEvent(facts, rules, req);
    if (event) reporter.report(event);
  } catch {
    // A finish listener that throws would crash the process.
  }
}

function statusOf(error: unknown): number {
  const status = readField(error, 'status') ?? readField(error, 'statusCode');
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 403;
}
