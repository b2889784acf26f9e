import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: a session cookie value or CSRF token. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares two secrets in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
