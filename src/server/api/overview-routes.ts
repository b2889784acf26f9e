import type { FastifyInstance } from 'fastify';
import type { ApiDependencies } from './api-dependencies.ts';
import { buildOverview } from './overview.ts';
import { buildResponseTimes } from './response-times.ts';

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
  api.get<{ Querystring: { days: number } }>(
    '/stats/response-times',
    {
      config: { access: { role: 'viewer', tokenScope: 'read' } },
      schema: {
        tags: ['overview'],
        summary:
          'Time to acknowledge and to resolve (median, p90, in ms) of incidents opened in the last days: overall, per priority, per rule',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { days: { type: 'integer', minimum: 1, maximum: 365, default: 30 } },
        },
      },
    },
    async (request) => {
      const since = deps.now() - request.query.days * DAY_MS;
      const incidents = await deps.store.incidents.list({ order: 'newest' });
      return {
        days: request.query.days,
        ...buildResponseTimes(incidents.filter((i) => i.openedAt >= since)),
      };
    },
  );
}

const DAY_MS = 86_400_000;
