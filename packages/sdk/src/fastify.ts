import type { HeaderBag } from './portable.ts';
import type { Reporter } from './reporter.ts';
import { selfReported } from './login-report.ts';
import { chooseRequestEvent, firstHeader, resolveAutoReportRules } from './request-event.ts';
import type { AutoReportOptions } from './request-event.ts';

/** The parts of a Fastify request the plugin reads; Fastify itself is not needed at run time. */
export interface FastifyRequestLike {
  method: string;
  url: string;
  headers: HeaderBag;
  body?: unknown;
  /** Fastify's client address: honours the `trustProxy` server option. */
  ip?: string;
  raw: { socket?: { remoteAddress?: string | undefined } | null };
}

export interface FastifyReplyLike {
  statusCode: number;
  getHeader?(name: string): string | number | string[] | undefined;
}

export interface FastifyInstanceLike {
  addHook(
    name: 'onError',
    hook: (request: FastifyRequestLike, reply: FastifyReplyLike, error: unknown, done: () => void) => void,
  ): unknown;
  addHook(
    name: 'onResponse',
    hook: (request: FastifyRequestLike, reply: FastifyReplyLike, done: () => void) => void,
  ): unknown;
}

export interface KlaxonFastifyOptions<
  Req extends FastifyRequestLike = FastifyRequestLike,
> extends AutoReportOptions<Req> {
  reporter: Pick<Reporter, 'report'>;
}

/**
 * A Fastify 5 plugin: `app.register(klaxonFastify, { reporter, ... })` reports failed and successful
 * logins, CSRF failures and forbidden answers app-wide once each response is sent; the client address
 * is `request.ip`, so Fastify's `trustProxy` option decides whether X-Forwarded-For counts. Like fastify-plugin,
 * `skip-override` makes its hooks apply to the whole application, not just an encapsulated child.
 */
export const klaxonFastify = Object.assign(
  function klaxon(
    app: FastifyInstanceLike,
    options: KlaxonFastifyOptions,
    done: (error?: Error) => void,
  ): void {
    try {
      const { reporter } = options;
      if (typeof reporter?.report !== 'function') {
        return done(
          new TypeError('klaxonFastify: the "reporter" option must be a reporter from createReporter()'),
        );
      }
      const rules = resolveAutoReportRules(options);
      const csrfFailures = new WeakSet<object>();
      app.addHook('onError', (request, _reply, error, next) => {
        try {
          if (rules.isCsrfError(error)) csrfFailures.add(request);
        } catch {
          // Reporting is best effort.
        }
        next();
      });
      app.addHook('onResponse', (request, reply, next) => {
        try {
          if (selfReported.has(request) && !csrfFailures.has(request)) return next();
          const facts = {
            method: request.method,
            url: request.url,
            status: reply.statusCode,
            headers: request.headers,
            ip: request.ip ?? request.raw.socket?.remoteAddress,
            responseHeader: (name: string) => firstHeader(reply.getHeader?.(name)),
            body: request.body,
            csrf: csrfFailures.has(request),
          };
          const event = chooseRequestEvent(facts, rules, request);
          if (event) reporter.report(event);
        } catch {
          // As above.
        }
        next();
      });
      done();
    } catch (error) {
      done(error instanceof Error ? error : new Error('klaxonFastify could not register its hooks'));
    }
  },
  { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'klaxon' },
);
