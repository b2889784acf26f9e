import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import {
  createAccessHook,
  createAuthenticator,
  createLoginLimiter,
  CSRF_HEADER,
  isLocalClient,
  requireDeclaredAccess,
  SESSION_COOKIE,
} from '../auth/index.ts';
import type { ApiDependencies } from './api-dependencies.ts';
import { registerChannelRoutes } from './channel-routes.ts';
import { registerFeedRoutes } from './feed-routes.ts';
import { registerIncidentRoutes } from './incident-routes.ts';
import { registerOverviewRoutes } from './overview-routes.ts';
import { registerRuleRoutes } from './rule-routes.ts';
import { toValidationError } from './schema-error.ts';
import { registerSessionRoutes } from './session-routes.ts';
import { registerSilenceRoutes } from './silence-routes.ts';
import { registerStreamRoutes } from './stream-routes.ts';
import { registerTokenRoutes } from './token-routes.ts';
import { registerUserRoutes } from './user-routes.ts';

export const API_PREFIX = '/api/v1';
export const DOCS_PREFIX = '/api/docs';

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
 * The dashboard's REST API under /api/v1, its OpenAPI document at /api/docs/json and Swagger UI at
 * /api/docs (for clients on this machine, logged-in people and read tokens). Every route declares who may call it; one hook checks the caller, the CSRF token of
 * changes made with a session, and the role or token scope. Everything stays inside its own
 * plugin scope: other routes on the server are untouched.
 */
export async function registerApi(app: FastifyInstance, deps: ApiDependencies): Promise<void> {
  await app.register(async (scope) => {
    // The app may have registered the cookie plugin for the whole server already.
    if (!scope.hasDecorator('parseCookie')) await scope.register(cookie);
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
      // Its own scripts and styles only (the server's default policy loads nothing).
      staticCSP: DOCS_CSP,
      // The API's map is for people who may use it: this machine, a session, or a read token.
      uiHooks: {
        onRequest: async (request) => {
          if (!isLocalClient(request)) await authenticate(request, { role: 'viewer', tokenScope: 'read' });
        },
      },
    });
    await scope.register(
      async (api) => {
        api.setSchemaErrorFormatter(toValidationError);
        api.addHook('onRoute', requireDeclaredAccess);
        api.addHook('onRequest', createAccessHook(deps));
        // A POST without a body is validated as {}: schema defaults apply, missing fields are named.
        api.addHook('preValidation', async (request) => {
          request.body ??= {};
        });
        const limiter = createLoginLimiter(deps.now, deps.loginLimits);
        registerSessionRoutes(api, deps, limiter);
        registerIncidentRoutes(api, deps);
        registerOverviewRoutes(api, deps);
        registerSilenceRoutes(api, deps);
        registerRuleRoutes(api, deps);
        registerChannelRoutes(api, deps);
        registerTokenRoutes(api, deps);
        registerUserRoutes(api, deps);
        registerFeedRoutes(api, deps);
        registerStreamRoutes(api, deps);
      },
      { prefix: API_PREFIX },
    );
  });
}
