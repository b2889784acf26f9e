import type { FastifyInstance } from 'fastify';
import type { ApiDependencies } from './api-dependencies.ts';
import { buildOverview } from './overview.ts';

export function registerOverviewRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  api.get<{ Querystring: { days: number } }>(
    '/overview',
    {
      config: { access: { role: 'viewer', tokenScope: 'read' } },
      schema: {
        tags: ['overview'],
        summary: 'Incidents per day and priority, top sources and accounts, open counts, channel health',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { days: { type: 'integer', minimum: 1, maximum: 90, default: 7 } },
        },
      },
    },
    (request) => buildOverview(deps, request.query.days),
  );
}
