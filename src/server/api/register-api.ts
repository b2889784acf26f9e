import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import { createAccessHook, createLoginLimiter, requireDeclaredAccess } from '../auth/index.ts';
import type { ApiDependencies } from './api-dependencies.ts';
import { registerChannelRoutes } from './channel-routes.ts';
import { registerDocs } from './register-docs.ts';
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
export { DOCS_PREFIX } from './register-docs.ts';

/**
 * The dashboard's REST API under /api/v1, its OpenAPI document at /api/docs/json and Swagger UI at
 * /api/docs (for clients on this machine, logged-in people and read tokens). Every route declares
 * who may call it; one hook checks the caller, the CSRF token of changes made with a session, and
 * the role or token scope. Everything stays inside its own plugin scope: other routes on the server
 * are untouched.
 */
export async function registerApi(app: FastifyInstance, deps: ApiDependencies): Promise<void> {
  await app.register(async (scope) => {
    // The app may have registered the cookie plugin for the whole server already.
    if (!scope.hasDecorator('parseCookie')) await scope.register(cookie);
    await registerDocs(scope, deps);
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
