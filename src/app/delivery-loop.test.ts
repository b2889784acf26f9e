import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpPeer } from '../../test/support/http-peer.ts';
import { startHttpPeer } from '../../test/support/http-peer.ts';
import { waitFor } from '../../test/support/wait-for.ts';
import { sampleNotification } from '../channels/testdata/notifications.ts';
import { webhookChannel } from '../channels/webhook/index.ts';
import { createWaker } from '../core/index.ts';
import { HeartbeatSchedule } from '../routing/index.ts';
import type { Store } from '../store/index.ts';
import { openStore } from '../store/index.ts';
import { runDeliveryLoop } from './delivery-loop.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 2, 9, 30, 0);

describe('the delivery loop', () => {
  let store: Store;
  let receiver: HttpPeer;
  let ping: HttpPeer;
  beforeEach(async () => {
    store = await openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'klaxon-loop-')), 'k.db')}`);
    receiver = await startHttpPeer({ status: 200 });
    ping = await startHttpPeer({ status: 200 });
  });
  afterEach(async () => {
    await Promise.all([receiver.close(), ping.close(), store.close()]);
  });

  it('sends an hourly heartbeat on each heartbeat channel and pings the heartbeat URL, on an injected clock', async () => {
    let now = T0;
    const stop = new AbortController();
    const channel = {
      name: 'soar',
      definition: webhookChannel,
      config: webhookChannel.configSchema.parse({ url: `${receiver.url}/hook` }),
      secrets: webhookChannel.secretsSchema.parse({
        signing_secrets: `whsec_${Buffer.alloc(32, 2).toString('base64')}`,
      }),
    };
    const total = await runDeliveryLoop({
      store,
      channels: [channel],
      worker: 'test',
      heartbeat: {
        schedule: new HeartbeatSchedule([{ channel: 'soar', intervalMs: HOUR }], T0),
        pingUrl: `${ping.url}/ping/abc`,
      },
      now: () => now,
      // Instead of waiting, time jumps; after three hours the loop is told to stop.
      sleep: async (ms) => {
        now += Math.max(ms, 1);
        if (now >= T0 + 3 * HOUR) stop.abort();
      },
      signal: stop.signal,
    });
    const beats = receiver.requests.map(
      (request) => JSON.parse(request.body) as { data: { kind: string; heartbeat: unknown } },
    );
    expect(beats.map((body) => body.data.kind)).toEqual(['heartbeat', 'heartbeat', 'heartbeat']);
    expect(beats[0]?.data.heartbeat).toEqual({ lastSerial: 0, deadLetters: 0 });
    expect(ping.requests.map((request) => request.path)).toEqual(['/ping/abc', '/ping/abc', '/ping/abc']);
    expect(total.sent).toBe(3);
  });

  it('delivers a row the moment it is enqueued, not when its hour of idle sleep is up', async () => {
    const stop = new AbortController();
    const loop = runDeliveryLoop({
      store,
      channels: [soarChannel(receiver.url)],
      worker: 'test',
      now: () => T0,
      sleep: createWaker().sleep,
      idleMs: HOUR,
      signal: stop.signal,
    });
    const { sequence: _sequence, ...notification } = sampleNotification({ channel: 'soar', createdAt: T0 });
    await store.transaction((tx) => tx.outbox.enqueue([notification], T0));
    await waitFor('the webhook', () => receiver.requests.length === 1, 5_000);
    stop.abort();
    expect((await loop).sent).toBe(1);
  });
});

function soarChannel(url: string) {
  return {
    name: 'soar',
    definition: webhookChannel,
    config: webhookChannel.configSchema.parse({ url: `${url}/hook` }),
    secrets: webhookChannel.secretsSchema.parse({
      signing_secrets: `whsec_${Buffer.alloc(32, 2).toString('base64')}`,
    }),
  };
}
