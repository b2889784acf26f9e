import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'klx_';

/** A new bearer token: a recognisable prefix (secret scanners can find leaked ones) and 256 random bits. */
export function createTokenValue(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** What the store keeps of a token. Tokens are random, so SHA-256 suffices (no password-style stretching). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
