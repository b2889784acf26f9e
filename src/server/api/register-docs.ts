import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { AuthDependencies } from '../auth/index.ts';
import { createAuthenticator, CSRF_HEADER, isLocalClient, SESSION_COOKIE } from '../auth/index.ts';

export const DOCS_PREFIX = '/api/docs';

/** Swagger UI's own scripts and styles only (the server's default policy loads nothing). */
const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
].join('; ');

/**
 * The OpenAPI document of the routes registered after it (at /api/docs/json) and Swagger UI (at
 * /api/docs). The API's map is for those who may use it: clients on this machine, logged-in
 * people and read tokens; anyone else gets a 401.
 */
export async function registerDocs(scope: FastifyInstance, deps: AuthDependencies): Promise<void> {
  await scope.register(swagger, {
    openapi: {
      info: { title: 'Klaxon dashboard API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  const authenticate = createAuthenticator(deps);
  await scope.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    staticCSP: DOCS_CSP,
    uiHooks: {
      onRequest: async (request) => {
        if (!isLocalClient(request)) await authenticate(request, { role: 'viewer', tokenScope: 'read' });
      },
    },
  });
}
