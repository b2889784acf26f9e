import Fastify, { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { useBoundedJsonParser } from './bounded-json-parser.ts';
import { handleError } from './error-handler.ts';
import { addSecurityHeaders } from './response-headers.ts';

export interface ServerOptions {
  /** Largest request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Trust `X-Forwarded-*` from a reverse proxy in front (default false). */
  trustProxy?: boolean;
  /**
   * The daemon's logger (a pino instance): every 5xx is logged with its cause, each request at
   * `debug`. Without one the server logs nothing (tests and the CLI stay quiet).
   */
  logger?: FastifyBaseLogger;
  /** Send Strict-Transport-Security (people reach Klaxon over https: an https `public_url`). */
  hsts?: boolean;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The HTTP server every route plugin (operations, ingest, REST API, dashboard) registers on.
 * Errors become answers in one handler; every answer carries security headers; the logger given
 * redacts credentials (the app sets it up).
 */
export function createServer(options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // Fastify's own two lines per request at `info` would drown the log under ingest traffic.
    logController: new LogController({ disableRequestLogging: true }),
  });
  if (options.logger) {
    app.addHook('onResponse', async (request, reply) => {
      request.log.debug(
        {
          method: request.method,
          url: request.url.split('?')[0],
          status: reply.statusCode,
          ms: reply.elapsedTime,
        },
        'request',
      );
    });
  }
  addSecurityHeaders(app, { hsts: options.hsts ?? false });
  useBoundedJsonParser(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
  return app;
}
