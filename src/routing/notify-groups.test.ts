import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_INCIDENT } from '../channels/testdata/notifications.ts';
import { describeNotification } from '../channels/message/index.ts';
import type { Incident, Notification } from '../core/index.ts';
import type { PassedChange } from '../incidents/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { NotifyStage, loadSavedGroups } from './notify-stage.ts';
import { routesSchema } from './route-schema.ts';

const T0 = Date.UTC(2026, 11, 5, 3, 0, 0);
const S = 1_000;
const MIN = 60 * S;
const routes = routesSchema.parse([
  { channels: ['soc-chat', 'public'], group_by: ['rule'], group_wait: '30s', group_interval: '5m' },
]);

function bruteForce(serial: number, at: number, status: Incident['status'] = 'open'): PassedChange {
  const incident: Incident = {
    ...SAMPLE_INCIDENT,
    serial,
    episodeId: `ssh-brute-force-source/198.51.100.${serial}`,
    group: { 'source.ip': `198.51.100.${serial}` },
    openedAt: at,
    firstSeen: at - 5 * S,
    lastSeen: at,
    status,
  };
  return { kind: status === 'resolved' ? 'resolved' : 'opened', incident, suppressedSince: 0, at };
}

describe('grouping on a route with group_by', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'klaxon-groups-'));
    store = await openStore(`sqlite:${join(dir, 'k.db')}`);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stage = async (channelDetail?: Record<string, 'full' | 'link'>) =>
    new NotifyStage({
      routes,
      groups: await loadSavedGroups(store),
      ...(channelDetail && { channelDetail }),
    });
  const sent = async (): Promise<Notification[]> =>
    (await store.outbox.list({})).map((entry) => entry.notification).sort((a, b) => a.sequence - b.sequence);

  it('sends five incidents opened within five seconds as one message, then one update after group_interval, across a restart', async () => {
    const first = await stage({ public: 'link' });
    const five = [0, 1, 2, 3, 4].map((n) => bruteForce(n + 1, T0 + n * S));
    await store.transaction((tx) => first.apply(five, tx));
    expect(await sent()).toEqual([]); // group_wait: still collecting
    await store.transaction((tx) => first.tickDue(T0 + 30 * S, tx));
    const initial = (await sent()).filter((n) => n.channel === 'soc-chat');
    expect(initial).toHaveLength(1);
    expect(initial[0]?.kind).toBe('group');
    expect(initial[0]?.group?.why).toBe('initial');
    expect(initial[0]?.group?.incidents.map((i) => i.serial)).toEqual([1, 2, 3, 4, 5]);
    const text = describeNotification(initial[0] as Notification);
    expect(text.title).toBe('Klaxon: 5 incidents in one group, 5 open — new group');
    expect(text.facts.filter(([label]) => label.startsWith('#'))).toHaveLength(5);
    const link = (await sent()).find((n) => n.channel === 'public');
    expect(link?.group?.incidents.every((i) => i.samples.length === 0 && i.title === '')).toBe(true);

    // A restart: a new stage from what the store kept; the group is not new and needs no wait.
    const second = await stage({ public: 'link' });
    await store.transaction((tx) => second.apply([bruteForce(6, T0 + 2 * MIN)], tx));
    await store.transaction((tx) => second.tickDue(T0 + 2 * MIN + 31 * S, tx));
    expect((await sent()).filter((n) => n.channel === 'soc-chat')).toHaveLength(1); // before group_interval
    await store.transaction((tx) => second.tickDue(T0 + 30 * S + 5 * MIN, tx));
    const messages = (await sent()).filter((n) => n.channel === 'soc-chat');
    expect(messages).toHaveLength(2);
    expect(messages[1]?.group?.why).toBe('changed');
    expect(messages[1]?.group?.incidents.map((i) => i.serial)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await store.notificationGroups.messagesOf(6)).map((m) => m.serials)).toEqual([
      [1, 2, 3, 4, 5, 6],
    ]);
    expect(await store.notificationGroups.messagesOf(1)).toHaveLength(2);
  });

  it('drops a group from the store once all its incidents resolved and were reported', async () => {
    const notify = await stage();
    await store.transaction((tx) => notify.apply([bruteForce(1, T0)], tx));
    await store.transaction((tx) => notify.tickDue(T0 + 30 * S, tx));
    expect(await store.notificationGroups.list()).toHaveLength(1);
    await store.transaction((tx) => notify.apply([bruteForce(1, T0 + MIN, 'resolved')], tx));
    await store.transaction((tx) => notify.tickDue(T0 + 30 * S + 5 * MIN, tx));
    const last = (await sent()).filter((n) => n.channel === 'soc-chat').at(-1);
    expect(last?.group?.incidents.map((i) => i.status)).toEqual(['resolved']);
    expect(await store.notificationGroups.list()).toEqual([]);
  });

  it('forgets the stored groups of a route that no longer groups', async () => {
    const notify = await stage();
    await store.transaction((tx) => notify.apply([bruteForce(1, T0)], tx));
    expect(await store.notificationGroups.list()).toHaveLength(1);
    const plain = new NotifyStage({
      routes: routesSchema.parse([{ channels: ['soc-chat'] }]),
      groups: await loadSavedGroups(store),
    });
    await store.transaction((tx) => plain.apply([bruteForce(2, T0 + MIN)], tx));
    expect(await store.notificationGroups.list()).toEqual([]);
    expect((await sent()).map((n) => n.kind)).toEqual(['opened']);
  });
});
