import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/index.ts';
import type { ChannelView } from './channel-view.ts';
import type { Caller } from './testdata/api-fixture.ts';
import { useApi } from './testdata/api-fixture.ts';

const WEBHOOK_SECRET = 'whsec_Zm9vYmFyYmF6cXV4cXV1eHh5enp5';
const BOT_TOKEN = '123456789:AAHf3d-Sup3rS3cretBotT0kenValue_xyz';

const api = useApi({
  channels: [
    { name: 'soc-telegram', type: 'telegram', detail: 'chat -100123' },
    {
      name: 'hooks',
      type: 'webhook',
      detail: `https://ops:${WEBHOOK_SECRET}@hooks.example.org/in/${WEBHOOK_SECRET}?key=${WEBHOOK_SECRET}`,
    },
  ],
});
let rita: Caller;
beforeEach(async () => {
  rita = await api.logIn('rita', 'responder');
});

async function enqueue(store: Store, channel: string, at: number): Promise<string> {
  const [queued] = await store.outbox.enqueue(
    [{ id: randomUUID(), kind: 'test', channel, detail: 'full', text: 'test', createdAt: at }],
    at,
  );
  return (queued as { id: string }).id;
}

/** Claims the entry and lets it die with `message` as the channel's error. */
async function killEntry(
  store: Store,
  id: string,
  channel: string,
  at: number,
  message: string,
): Promise<void> {
  await store.outbox.claim(channel, 'test-worker', at, 10, 60_000);
  await store.outbox.markDead(id, at, 'auth', message);
}

describe('GET /channels', () => {
  it('shows each configured channel with its queue, dead letters and last outcomes, never a secret', async () => {
    const now = api.clock.now;
    const sent = await enqueue(api.store, 'soc-telegram', now - 5_000);
    await api.store.outbox.claim('soc-telegram', 'w', now - 5_000, 1, 60_000);
    await api.store.outbox.markSent(sent, now - 4_000);
    await enqueue(api.store, 'soc-telegram', now - 1_000);
    const dead = await enqueue(api.store, 'hooks', now - 3_000);
    await killEntry(
      api.store,
      dead,
      'hooks',
      now - 2_000,
      `POST https://hooks.example.org/in/${WEBHOOK_SECRET}?key=${WEBHOOK_SECRET} answered 401; bot${BOT_TOKEN} Bearer ${WEBHOOK_SECRET}`,
    );
    const response = await api.as(rita, { method: 'GET', url: '/api/v1/channels' });
    const views = response.json() as ChannelView[];
    expect(views).toEqual([
      {
        name: 'soc-telegram',
        type: 'telegram',
        detail: 'chat -100123',
        lastSentAt: now - 4_000,
        pending: 1,
        dead: 0,
      },
      {
        name: 'hooks',
        type: 'webhook',
        detail: 'https://hooks.example.org/…',
        lastFailedAt: now - 2_000,
        lastFailure: {
          reason: 'auth',
          message: 'POST https://hooks.example.org/… answered 401; bot<secret> Bearer <secret>',
        },
        pending: 0,
        dead: 1,
      },
    ]);
    expect(response.body).not.toContain(WEBHOOK_SECRET);
    expect(response.body).not.toContain('Sup3rS3cret');
  });

  it('keeps showing a channel the configuration no longer names while the outbox holds its letters', async () => {
    await enqueue(api.store, 'old-slack', api.clock.now);
    const views = (await api.as(rita, { method: 'GET', url: '/api/v1/channels' })).json() as ChannelView[];
    expect(views.at(-1)).toEqual({
      name: 'old-slack',
      type: 'unknown',
      detail: 'no longer in the configuration',
      pending: 1,
      dead: 0,
    });
  });
});

describe('POST /channels/:name/retry', () => {
  it("sends the channel's dead letters back to pending, and only that channel's", async () => {
    const now = api.clock.now;
    for (const channel of ['hooks', 'hooks', 'soc-telegram']) {
      const id = await enqueue(api.store, channel, now);
      await killEntry(api.store, id, channel, now, 'refused');
    }
    api.clock.now += 1_000;
    const response = await api.as(rita, { method: 'POST', url: '/api/v1/channels/hooks/retry' });
    expect(response.json()).toEqual({ retried: 2 });
    const states = (await api.store.outbox.list())
      .map((entry) => [entry.notification.channel, entry.state])
      .sort();
    expect(states).toEqual([
      ['hooks', 'pending'],
      ['hooks', 'pending'],
      ['soc-telegram', 'dead'],
    ]);
    expect((await api.as(rita, { method: 'POST', url: '/api/v1/channels/hooks/retry' })).json()).toEqual({
      retried: 0,
    });
    expect((await api.as(rita, { method: 'POST', url: '/api/v1/channels/nope/retry' })).statusCode).toBe(404);
  });

  it('is not for viewers', async () => {
    const vic = await api.logIn('vic', 'viewer');
    expect((await api.as(vic, { method: 'POST', url: '/api/v1/channels/hooks/retry' })).statusCode).toBe(403);
  });
});
