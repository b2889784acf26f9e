/** JSON Schema pieces shared by the routes (validation and the OpenAPI document). */

export const serialParams = {
  type: 'object',
  required: ['serial'],
  properties: { serial: { type: 'integer', minimum: 1 } },
} as const;

export function nameParams(name: string) {
  return {
    type: 'object',
    required: [name],
    properties: { [name]: { type: 'string', minLength: 1, maxLength: 200 } },
  } as const;
}

/** A name people choose for a user or a token. */
export { USER_NAME_PATTERN as NAME_PATTERN } from '../auth/index.ts';

/** Free text a person writes (notes, resolutions, comments). */
export function text(maxLength = 4_000) {
  return { type: 'string', minLength: 1, maxLength, pattern: '\\S' } as const;
}

/** The query of routes that accept the token as `?token=` (the feed, the stream). */
export const tokenQuery = {
  type: 'object',
  properties: { token: { type: 'string', description: 'API token with the scope read' } },
} as const;
