import { readField } from './read-field.ts';

// csurf and csrf-csrf (Express), @fastify/csrf-protection (a wrong token, or no secret cookie at all).
const CSRF_ERROR_CODES = new Set(['EBADCSRFTOKEN', 'FST_CSRF_INVALID_TOKEN', 'FST_CSRF_MISSING_SECRET']);

/** Whether an error is a CSRF-token failure from one of the common CSRF middlewares. */
export function isKnownCsrfError(error: unknown): boolean {
  const code = readField(error, 'code');
  return typeof code === 'string' && CSRF_ERROR_CODES.has(code);
}
