import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpPeer, type HttpPeer } from '../../../test/support/http-peer.ts';
import { waitFor } from '../../../test/support/wait-for.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { newIncident } from '../../store/contract/fixtures.ts';
import { openStore, type Store } from '../../store/index.ts';
import { defaultSlackResolution, handleSlackPress, type SlackActionContext } from './slack-chat-actions.ts';

const NOW = Date.UTC(2026, 11, 5, 6, 0, 0);

describe('handleSlackPress', () => {
  let store: Store;
  let peer: HttpPeer;
  let lines: string[];
  let events: SecurityEvent[];
  let stop: AbortController;
  let serial: number;
  beforeEach(async () => {
    store = await openStore('sqlite::memory:');
    peer = await startHttpPeer({ status: 200, body: 'ok' });
    lines = [];
    events = [];
    stop = new AbortController();
    serial = (await store.incidents.open(newIncident())).serial;
  });
  afterEach(async () => {
    stop.abort();
    await peer.close();
    await store.close();
  });

  const ctx = (mayAct?: (user: string) => Promise<string | undefined>): SlackActionContext => ({
    channel: 'soc-slack',
    users: { U024BE7LH: 'alice' },
    now: () => NOW,
    log: (line) => lines.push(line),
    reportSecurityEvent: (event) => events.push(event),
    ...(mayAct && { mayAct }),
    actions: {
      acknowledge: (s, by, at) => store.incidents.acknowledge(s, by, at),
      resolve: (s, by, at, why) => store.incidents.resolve(s, by, at, why),
    },
    fetch,
    signal: stop.signal,
  });
  const answers = async (count: number) =>
    waitFor('the answers', () =>
      peer.requests.length >= count ? peer.requests.map((r) => JSON.parse(r.body).text as string) : undefined,
    );

  it('resolves with a default resolution when the reason box is empty', async () => {
    await handleSlackPress(
      { kind: 'button', userId: 'U024BE7LH', action: 'resolve', serial, responseUrl: `${peer.url}/a` },
      ctx(),
    );
    expect(await store.incidents.get(serial)).toMatchObject({
      status: 'resolved',
      resolution: defaultSlackResolution('alice'),
    });
    expect(await answers(1)).toEqual([`#${serial} resolved by alice`]);
  });

  it('tells the person why an action did not go through, and refuses a user who may not act', async () => {
    const press = {
      kind: 'button',
      userId: 'U024BE7LH',
      action: 'ack',
      serial,
      responseUrl: `${peer.url}/a`,
    } as const;
    await handleSlackPress(press, ctx());
    await handleSlackPress(press, ctx());
    const [, again] = await answers(2);
    expect(again).toMatch(/already acknowledged/);
    await handleSlackPress(
      { ...press, action: 'resolve' },
      ctx(async () => 'a viewer may not act on incidents'),
    );
    expect((await store.incidents.get(serial))?.status).toBe('acknowledged');
    expect(lines).toContainEqual(expect.stringContaining('(alice): a viewer may not act on incidents'));
    expect(events).toEqual([
      expect.objectContaining({
        service: { name: 'klaxon-slack' },
        user: { id: 'U024BE7LH', name: 'slack:U024BE7LH' },
      }),
    ]);
  });
});
