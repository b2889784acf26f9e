import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpPeer } from '../../test/support/http-peer.ts';
import { startHttpPeer } from '../../test/support/http-peer.ts';
import { webhookChannel } from '../channels/webhook/index.ts';
import { SAMPLE_INCIDENT, sampleNotification } from '../channels/testdata/notifications.ts';
import type { Notification } from '../core/index.ts';
import type { Store } from '../store/index.ts';
import { openStore } from '../store/index.ts';
import type { ConfiguredChannel } from './dispatcher.ts';
import { Dispatcher } from './dispatcher.ts';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);

function webhook(
  name: string,
  peer: HttpPeer,
  rateLimits?: ConfiguredChannel['rateLimits'],
): ConfiguredChannel {
  return {
    name,
    definition: webhookChannel,
    config: webhookChannel.configSchema.parse({ url: `${peer.url}/hook` }),
    secrets: webhookChannel.secretsSchema.parse({ signing_secrets: SECRET }),
    ...(rateLimits && { rateLimits }),
  };
}

const note = (id: string, channel: string): Omit<Notification, 'sequence'> => {
  const { sequence: _sequence, ...rest } = sampleNotification({ id, channel, createdAt: T0 });
  return rest;
};

describe('Dispatcher', () => {
  let store: Store;
  let soar: HttpPeer;
  let chat: HttpPeer;
  let now: number;
  let delivered: string[];

  beforeEach(async () => {
    store = await openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'klaxon-outbox-')), 'outbox.db')}`);
    soar = await startHttpPeer({ status: 200 });
    chat = await startHttpPeer({ status: 200 });
    now = T0;
    delivered = [];
  });

  afterEach(async () => {
    await Promise.all([soar.close(), chat.close(), store.close()]);
  });

  const dispatcher = (channels: ConfiguredChannel[]) =>
    new Dispatcher({
      store,
      channels,
      worker: 'test',
      now: () => now,
      random: () => 0.5,
      onDelivered: (notification) => delivered.push(notification.id),
    });

  it('delivers pending notifications in order and marks them sent', async () => {
    await store.outbox.enqueue([note('a', 'soar'), note('b', 'soar')], T0);
    expect(await dispatcher([webhook('soar', soar)]).runOnce()).toEqual({ sent: 2, retried: 0, dead: 0 });
    expect(soar.requests.map((request) => request.headers['webhook-id'])).toEqual(['a', 'b']);
    expect(delivered).toEqual(['a', 'b']);
    const sent = await store.outbox.list({ state: ['sent'] });
    expect(sent.map((entry) => entry.notification.sequence).sort()).toEqual([1, 2]);
  });

  it('has up to maxInFlight webhook messages on their way at once, those about one incident in order', async () => {
    const about = (id: string, serial: number) => {
      const { sequence: _sequence, ...rest } = sampleNotification({
        id,
        channel: 'soar',
        createdAt: T0,
        incident: { ...SAMPLE_INCIDENT, serial },
      });
      return rest;
    };
    await store.outbox.enqueue([about('a', 1), about('b', 2), about('c', 3), about('a-again', 1)], T0);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    soar.respond(() => gate.then(() => ({ status: 200 })));
    const pass = dispatcher([webhook('soar', soar)]).runOnce();
    const first = [await soar.nextRequest(), await soar.nextRequest(), await soar.nextRequest()];
    expect(first.map((request) => request.headers['webhook-id']).sort()).toEqual(['a', 'b', 'c']);
    release();
    expect(await pass).toEqual({ sent: 4, retried: 0, dead: 0 });
    expect(soar.requests.map((request) => request.headers['webhook-id'])).toHaveLength(4);
    expect(soar.requests[3]?.headers['webhook-id']).toBe('a-again');
    expect(delivered.indexOf('a')).toBeLessThan(delivered.indexOf('a-again'));
  });

  it('retries a 500 with backoff and delivers once the receiver recovers', async () => {
    await store.outbox.enqueue([note('a', 'soar')], T0);
    soar.respond({ status: 500, body: 'down' });
    const run = dispatcher([webhook('soar', soar)]);
    expect(await run.runOnce()).toMatchObject({ retried: 1 });
    const [waiting] = await store.outbox.list({});
    expect(waiting).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastReason: 'server',
      nextAttemptAt: T0 + 10_000,
    });
    soar.respond({ status: 200 });
    now = T0 + 5_000;
    expect(await run.runOnce()).toEqual({ sent: 0, retried: 0, dead: 0 });
    now = T0 + 10_000;
    expect(await run.runOnce()).toMatchObject({ sent: 1 });
  });

  it('waits as long as a 429 asks', async () => {
    await store.outbox.enqueue([note('a', 'soar')], T0);
    soar.respond({ status: 429, headers: { 'retry-after': '120' } });
    await dispatcher([webhook('soar', soar)]).runOnce();
    expect((await store.outbox.get('a'))?.nextAttemptAt).toBe(T0 + 120_000);
  });

  it('dead-letters a permanent failure at once and raises a meta-alert on the other channels', async () => {
    await store.outbox.enqueue([note('a', 'soar')], T0);
    soar.respond({ status: 400, body: 'no such hook' });
    const run = dispatcher([webhook('soar', soar), webhook('chat', chat)]);
    expect(await run.runOnce()).toMatchObject({ dead: 1 });
    expect(await store.outbox.get('a')).toMatchObject({ state: 'dead', lastReason: 'client' });
    expect(await run.runOnce()).toMatchObject({ sent: 1 });
    const meta = JSON.parse(chat.requests[0]!.body) as {
      data: { kind: string; message: { facts: string[][] } };
    };
    expect(meta.data.kind).toBe('meta');
    expect(JSON.stringify(meta)).toContain('Channel soar could not deliver message 1 (incident #42)');
  });

  it('keeps delivering on one channel while another one hangs', async () => {
    await store.outbox.enqueue([note('a', 'soar'), note('b', 'chat')], T0);
    soar.respond(() => new Promise(() => {}));
    const run = new Dispatcher({
      store,
      channels: [webhook('soar', soar), webhook('chat', chat)],
      worker: 'test',
      now: () => now,
      timeoutMs: 300,
    });
    const pass = await run.runOnce();
    expect(pass).toMatchObject({ sent: 1, retried: 1 });
    expect(await store.outbox.get('b')).toMatchObject({ state: 'sent' });
    expect(await store.outbox.get('a')).toMatchObject({ state: 'pending', lastReason: 'timeout' });
  });

  it('sends no faster than the channel allows', async () => {
    await store.outbox.enqueue([note('a', 'chat'), note('b', 'chat'), note('c', 'chat')], T0);
    const run = dispatcher([webhook('chat', chat, [{ count: 1, perMs: 1_000 }])]);
    expect(await run.runOnce()).toMatchObject({ sent: 1 });
    expect(await run.runOnce()).toMatchObject({ sent: 0 });
    now = T0 + 1_000;
    expect(await run.runOnce()).toMatchObject({ sent: 1 });
  });

  describe('a send the store fails to record', () => {
    /** The store, whose next markSent fails: before writing (`before`) or after committing (`after`). */
    function failingOnce(when: 'before' | 'after'): Store {
      let failed = false;
      const markSent: Store['outbox']['markSent'] = async (...args) => {
        if (failed) return store.outbox.markSent(...args);
        failed = true;
        if (when === 'after') await store.outbox.markSent(...args);
        throw new Error('read ECONNRESET');
      };
      return Object.assign(Object.create(store) as Store, {
        outbox: Object.assign(Object.create(store.outbox) as Store['outbox'], { markSent }),
      });
    }

    it.each(['before', 'after'] as const)(
      'is recorded, not sent again, and later ones go out (the write fails %s its commit)',
      async (when) => {
        await store.outbox.enqueue([note('a', 'soar')], T0);
        const run = new Dispatcher({
          store: failingOnce(when),
          channels: [webhook('soar', soar)],
          worker: 'test',
          now: () => now,
          onDelivered: (notification) => delivered.push(notification.id),
        });
        await expect(run.runOnce()).rejects.toThrow('ECONNRESET');
        expect(delivered).toEqual([]);
        await store.outbox.enqueue([note('b', 'soar')], T0);
        expect(await run.runOnce()).toEqual({ sent: 1, retried: 0, dead: 0 });
        expect(await run.runOnce()).toEqual({ sent: 0, retried: 0, dead: 0 });
        expect(soar.requests.map((request) => request.headers['webhook-id'])).toEqual(['a', 'b']);
        expect(delivered).toEqual(['a', 'b']);
        expect(
          (await store.outbox.list({ state: ['sent'] })).map((entry) => entry.notification.id).sort(),
        ).toEqual(['a', 'b']);
      },
    );
  });
});
