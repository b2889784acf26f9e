import type { FastifyInstance } from 'fastify';
import { personOf, TOKEN_SCOPES } from '../auth/index.ts';
import { createTokenValue, hashToken } from '../ingest/index.ts';
import type { TokenScope } from '../auth/index.ts';
import type { ApiDependencies } from './api-dependencies.ts';
import { NAME_PATTERN, nameParams } from './route-schemas.ts';

/** What a token looks like in answers: never its hash, never its value. */
const apiTokenSchema = {
  type: 'object',
  required: ['id', 'name', 'scopes', 'createdAt', 'createdBy'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    service: { type: 'string' },
    createdAt: { type: 'integer' },
    createdBy: { type: 'string' },
    lastUsedAt: { type: 'integer' },
    revokedAt: { type: 'integer' },
  },
} as const;

const newTokenBody = {
  type: 'object',
  required: ['name', 'scopes'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: NAME_PATTERN },
    scopes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: TOKEN_SCOPES } },
    service: {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      description: 'service.name for events that carry none',
    },
  },
} as const;

export function registerTokenRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  const admin = { access: { role: 'admin' } } as const;

  api.get(
    '/tokens',
    {
      config: admin,
      schema: {
        tags: ['tokens'],
        summary: 'API tokens (never their value)',
        response: { 200: { type: 'array', items: apiTokenSchema } },
      },
    },
    () => deps.store.apiTokens.list(),
  );

  api.post<{ Body: { name: string; scopes: TokenScope[]; service?: string } }>(
    '/tokens',
    {
      config: admin,
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; its value is shown in this answer only',
        body: newTokenBody,
        response: {
          200: {
            type: 'object',
            required: ['token', 'info'],
            properties: { token: { type: 'string' }, info: apiTokenSchema },
          },
        },
      },
    },
    async (request) => {
      const { name, scopes, service } = request.body;
      const token = createTokenValue();
      const info = await deps.store.apiTokens.add(
        {
          name,
          hash: hashToken(token),
          scopes,
          createdBy: personOf(request).name,
          ...(service && { service }),
        },
        deps.now(),
      );
      return { token, info };
    },
  );

  api.delete<{ Params: { name: string } }>(
    '/tokens/:name',
    {
      config: admin,
      schema: { tags: ['tokens'], summary: 'Revoke an API token', params: nameParams('name') },
    },
    async (request, reply) => {
      await deps.store.apiTokens.revoke(request.params.name, deps.now());
      return reply.status(204).send();
    },
  );
}
