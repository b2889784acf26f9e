import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpPeer } from '../../test/support/http-peer.ts';
import { startHttpPeer } from '../../test/support/http-peer.ts';
import type { TestPostgres } from '../../test/support/postgres.ts';
import { startPostgres } from '../../test/support/postgres.ts';
import { webhookChannel } from '../channels/webhook/index.ts';
import { sampleNotification } from '../channels/testdata/notifications.ts';
import type { Store } from '../store/index.ts';
import { openStore } from '../store/index.ts';
import { Dispatcher } from './dispatcher.ts';

const SECRET = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;

describe('two dispatchers on one PostgreSQL', () => {
  let postgres: TestPostgres;
  let peer: HttpPeer;
  const stores: Store[] = [];

  beforeAll(async () => {
    postgres = await startPostgres();
    peer = await startHttpPeer({ status: 200 });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await peer?.close();
    await postgres?.stop();
  });

  it('never send the same notification twice', async () => {
    const url = await postgres.createDatabase('two_dispatchers');
    const [first, second] = [await openStore(url), await openStore(url)] as [Store, Store];
    stores.push(first, second);
    const now = Date.UTC(2026, 2, 2, 10, 0, 0);
    const notifications = Array.from({ length: 200 }, (_, i) => {
      const { sequence: _sequence, ...rest } = sampleNotification({
        id: `n-${i}`,
        channel: 'soar',
        createdAt: now,
      });
      return rest;
    });
    await first.outbox.enqueue(notifications, now);
    const channel = {
      name: 'soar',
      definition: webhookChannel,
      config: webhookChannel.configSchema.parse({ url: `${peer.url}/hook` }),
      secrets: webhookChannel.secretsSchema.parse({ signing_secrets: SECRET }),
    };
    const dispatchers = [first, second].map(
      (store, i) =>
        new Dispatcher({ store, channels: [channel], worker: `instance-${i}`, now: () => now, batchSize: 7 }),
    );
    // Both instances drain the outbox at the same time, as two Klaxon processes would.
    await Promise.all(
      dispatchers.map(async (dispatcher) => {
        for (;;) {
          const pass = await dispatcher.runOnce();
          if (pass.sent + pass.retried + pass.dead === 0) break;
        }
      }),
    );
    const ids = peer.requests.map((request) => String(request.headers['webhook-id']));
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    expect((await first.outbox.list({ state: ['sent'], limit: 500 })).length).toBe(200);
  });
});
