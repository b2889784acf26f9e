import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { useBoundedJsonParser } from './bounded-json-parser.ts';
import { handleError } from './error-handler.ts';

export interface ServerOptions {
  /** Largest request body in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** Trust `X-Forwarded-*` from a reverse proxy in front (default false). */
  trustProxy?: boolean;
  /** Log requests (default false: tests and the CLI stay quiet). */
  logger?: boolean;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The HTTP server every route plugin (operations, ingest, REST API, dashboard) registers on.
 * Errors become answers in one handler; logs never carry the Authorization header or cookies.
 */
export function createServer(options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    logger: options.logger
      ? { redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'] }
      : false,
  });
  useBoundedJsonParser(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
  return app;
}
