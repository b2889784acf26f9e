import type { FastifyInstance } from 'fastify';

/** One year, subdomains included: only sent when people reach Klaxon over https (`public_url`). */
const HSTS = 'max-age=31536000; includeSubDomains';

/** JSON and text answers load nothing and may not be framed; pages that set their own policy keep it. */
const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'";

/** What `addSecurityHeaders` sets; a route that writes its own head (hijacked streams) sends these. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': DEFAULT_CSP,
  // API answers (incidents, addresses, user names) must not sit in a browser or proxy cache; the
  // dashboard's files set their own caching.
  'cache-control': 'no-store',
};

/**
 * Security headers on every answer of the server (API JSON, errors, 404s, metrics), each unless
 * the route set its own (the dashboard's CSP and caching, Swagger UI's CSP); HSTS when `hsts`.
 */
export function addSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!reply.hasHeader(name)) void reply.header(name, value);
    }
    if (options.hsts) void reply.header('strict-transport-security', HSTS);
    return payload;
  });
}
