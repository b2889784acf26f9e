// request.cookies comes from @fastify/cookie's type augmentation.
import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthorizedError } from '../../core/index.ts';
import type { SecurityEvent } from '../../core/index.ts';
import type { Store } from '../../store/index.ts';
import { createTokenResolver } from '../ingest/index.ts';
import type { Principal } from './principal.ts';
import type { RouteAccess } from './route-access.ts';
import { SESSION_COOKIE } from './session-policy.ts';
import { findSession } from './sessions.ts';

/** What authentication and access control need from the application. */
export interface AuthDependencies {
  store: Store;
  now: () => number;
  reportSecurityEvent(event: SecurityEvent): void;
  /** Waits before a login is checked when its name has failed often (default: a timer); tests record it. */
  loginDelay?: (ms: number) => Promise<unknown>;
}

export type Authenticate = (request: FastifyRequest, access: RouteAccess) => Promise<Principal>;

/**
 * Finds the caller of a request: an API token (`Authorization: Bearer`, or `?token=` where the
 * route allows it), checked against the route's token scope (ForbiddenError), else the session
 * cookie. UnauthorizedError when there is no caller or its credentials are not valid (any more).
 */
export function createAuthenticator(deps: AuthDependencies): Authenticate {
  const resolveToken = createTokenResolver(deps.store, deps.now);
  return async (request, access) => {
    const bearer = bearerOf(request, access);
    if (bearer !== undefined) {
      if (access.tokenScope === undefined) throw new ForbiddenError('API tokens cannot do this: log in');
      const token = await resolveToken(bearer, access.tokenScope);
      return { kind: 'token', name: token.name, token };
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie === undefined || cookie === '') throw new UnauthorizedError('log in first');
    const found = await findSession(deps.store, cookie, deps.now());
    if (found === undefined) throw new UnauthorizedError('the session has ended: log in again');
    return { kind: 'session', name: found.user.name, role: found.user.role, session: found.session };
  };
}

/** The Authorization header, or `?token=` as a bearer header where the route accepts that. */
function bearerOf(request: FastifyRequest, access: RouteAccess): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) return header;
  if (!access.tokenInQuery) return undefined;
  const { token } = request.query as { token?: unknown };
  return typeof token === 'string' && token !== '' ? `Bearer ${token}` : undefined;
}
