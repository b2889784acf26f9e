import type { FastifyRequest } from 'fastify';
import { ForbiddenError } from '../../core/index.ts';
import type { AuthDependencies } from './authenticate.ts';
import { createAuthenticator } from './authenticate.ts';
import { CsrfError } from './csrf-error.ts';
import { rememberPrincipal } from './principal.ts';
import type { Principal } from './principal.ts';
import { reportRefusal } from './report-refusal.ts';
import { roleAllows } from './route-access.ts';
import { sameSecret } from './secret-token.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The onRequest hook of every API route: who is calling (401), the CSRF token of changes made
 * with a session (403 csrf), and the role or token scope the route needs (403 forbidden). The
 * last two are reported as security events. Runs before the body is read.
 */
export function createAccessHook(deps: AuthDependencies): (request: FastifyRequest) => Promise<void> {
  const authenticate = createAuthenticator(deps);
  return async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) throw new Error(`route ${request.routeOptions.url ?? '?'} declares no access`);
    if (access.role === 'public') return;
    let principal: Principal;
    try {
      principal = await authenticate(request, access);
    } catch (error) {
      if (error instanceof ForbiddenError)
        reportRefusal(deps, request, { action: 'access_forbidden', status: 403, reason: error.message });
      throw error;
    }
    if (principal.kind === 'session') {
      const refuse = (action: 'csrf_token_invalid' | 'access_forbidden', reason: string) =>
        reportRefusal(deps, request, { action, status: 403, reason, userName: principal.name });
      if (STATE_CHANGING.has(request.method) && !carriesCsrfToken(request, principal)) {
        refuse('csrf_token_invalid', 'missing or wrong CSRF token');
        throw new CsrfError(`missing or wrong ${CSRF_HEADER} header: send the csrfToken of the session`);
      }
      if (!roleAllows(principal.role, access.role)) {
        refuse('access_forbidden', `role ${principal.role} below ${access.role}`);
        throw new ForbiddenError(
          `this needs the role ${access.role}; ${principal.name} is ${principal.role}`,
        );
      }
    }
    rememberPrincipal(request, principal);
  };
}

function carriesCsrfToken(
  request: FastifyRequest,
  principal: Extract<Principal, { kind: 'session' }>,
): boolean {
  const header = request.headers[CSRF_HEADER];
  return typeof header === 'string' && sameSecret(header, principal.session.csrfToken);
}
