import type { UserRole } from '../../store/index.ts';

/**
 * Scopes an API token may carry (`ingest` is for the ingest API and `metrics` for a Prometheus
 * scraping `/metrics` from another machine, not for this one).
 */
export const TOKEN_SCOPES = ['ingest', 'read', 'metrics'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Who may call a route; every API route declares it in `config.access` (a route without one is refused at start). */
export interface RouteAccess {
  /** `public`: anyone (logging in); else the least role a logged-in person needs. */
  role: 'public' | UserRole;
  /** API tokens with this scope may call it too (`read` for GET routes). Tokens never need CSRF. */
  tokenScope?: TokenScope;
  /** The token may come as `?token=` (feed readers; EventSource cannot set headers). */
  tokenInQuery?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

const RANK: Record<UserRole, number> = { viewer: 0, responder: 1, admin: 2 };

export function roleAllows(role: UserRole, needed: UserRole): boolean {
  return RANK[role] >= RANK[needed];
}

/** The onRoute check of the API scope: a route that says nothing about access is a mistake, refused at start. */
export function requireDeclaredAccess(route: {
  method: string | string[];
  url: string;
  config?: { access?: RouteAccess };
}): void {
  if (route.config?.access === undefined)
    throw new Error(`API route ${String(route.method)} ${route.url} declares no access (config.access)`);
}
