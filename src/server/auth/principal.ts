import type { FastifyRequest } from 'fastify';
import type { ApiToken, Session, UserRole } from '../../store/index.ts';

/** Who is calling: a person with a session, or a service with an API token. */
export type Principal =
  | { kind: 'session'; name: string; role: UserRole; session: Session }
  | { kind: 'token'; name: string; token: ApiToken };

const principals = new WeakMap<FastifyRequest, Principal>();

export function rememberPrincipal(request: FastifyRequest, principal: Principal): void {
  principals.set(request, principal);
}

/** The caller the access hook established; a route without access control asking for one is a bug. */
export function principalOf(request: FastifyRequest): Principal {
  const principal = principals.get(request);
  if (principal === undefined) throw new Error(`no caller established for ${request.method} ${request.url}`);
  return principal;
}

/** The logged-in person; person actions (acknowledge, silence, ...) are never done by a token. */
export function personOf(request: FastifyRequest): Extract<Principal, { kind: 'session' }> {
  const principal = principalOf(request);
  if (principal.kind !== 'session') throw new Error('a person action reached a route with a token caller');
  return principal;
}
