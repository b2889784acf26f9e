import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../core/index.ts';
import type { ApiDependencies } from './api-dependencies.ts';
import { listChannelViews } from './channel-view.ts';
import { nameParams } from './route-schemas.ts';

/** Dead letters sent back per request at most; the answer says how many went. */
const RETRY_AT_MOST = 10_000;

export function registerChannelRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  api.get(
    '/channels',
    {
      config: { access: { role: 'viewer', tokenScope: 'read' } },
      schema: { tags: ['channels'], summary: 'Channels with their delivery health (never a secret)' },
    },
    () => listChannelViews(deps),
  );

  api.post<{ Params: { name: string } }>(
    '/channels/:name/retry',
    {
      config: { access: { role: 'responder' } },
      schema: {
        tags: ['channels'],
        summary: "Send the channel's dead letters again",
        params: nameParams('name'),
      },
    },
    async (request) => {
      const { name } = request.params;
      const known =
        deps.channels.some((channel) => channel.name === name) ||
        (await deps.store.outbox.health()).some((health) => health.channel === name);
      if (!known) throw new NotFoundError(`no channel named "${name}"`);
      const dead = await deps.store.outbox.list({ channel: name, state: ['dead'], limit: RETRY_AT_MOST });
      const now = deps.now();
      for (const entry of dead) await deps.store.outbox.retry(entry.notification.id, now);
      return { retried: dead.length };
    },
  );
}
