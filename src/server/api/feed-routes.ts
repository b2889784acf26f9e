import type { FastifyInstance } from 'fastify';
import type { ApiDependencies } from './api-dependencies.ts';
import { renderAtomFeed } from './atom-feed.ts';
import { tokenQuery } from './route-schemas.ts';

const FEED_SIZE = 50;

export function registerFeedRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  api.get(
    '/feed.atom',
    {
      config: { access: { role: 'viewer', tokenScope: 'read', tokenInQuery: true } },
      schema: {
        tags: ['feed'],
        summary: 'The newest incidents as Atom (Authorization: Bearer or ?token=, scope read)',
        querystring: tokenQuery,
      },
    },
    async (_request, reply) => {
      const incidents = await deps.store.incidents.list({ limit: FEED_SIZE });
      void reply.type('application/atom+xml; charset=utf-8');
      return renderAtomFeed(incidents, deps.publicUrl, deps.now());
    },
  );
}
