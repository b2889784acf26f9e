import { ForbiddenError, UnauthorizedError } from '../../core/index.ts';
import type { ApiToken, Store } from '../../store/index.ts';
import { bearerTokenOf, hashToken } from './api-token.ts';

const CACHE_MS = 5_000;
const MARK_USED_EVERY_MS = 60_000;

/**
 * Finds the API token of a request's `Authorization: Bearer` header and checks its scope. Lookups
 * are cached for a few seconds, so a revocation takes effect within that time; `lastUsedAt` is
 * written at most once a minute per token.
 */
export function createTokenResolver(store: Store, now: () => number) {
  const cache = new Map<string, { token: ApiToken | undefined; until: number }>();
  const markedAt = new Map<string, number>();
  return async function resolveToken(authorization: string | undefined, scope: string): Promise<ApiToken> {
    const value = bearerTokenOf(authorization);
    if (value === undefined)
      throw new UnauthorizedError('missing bearer token: send "Authorization: Bearer <token>"');
    const hash = hashToken(value);
    const at = now();
    let entry = cache.get(hash);
    if (!entry || entry.until <= at) {
      if (cache.size > 10_000) cache.clear();
      entry = { token: await store.apiTokens.findActiveByHash(hash), until: at + CACHE_MS };
      cache.set(hash, entry);
    }
    const token = entry.token;
    if (!token) throw new UnauthorizedError('unknown or revoked token');
    if (!token.scopes.includes(scope))
      throw new ForbiddenError(`token "${token.name}" lacks the "${scope}" scope`);
    if ((markedAt.get(token.id) ?? -Infinity) + MARK_USED_EVERY_MS <= at) {
      markedAt.set(token.id, at);
      await store.apiTokens.markUsed(token.id, at);
    }
    return token;
  };
}
