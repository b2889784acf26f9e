import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_INCIDENT } from '../channels/testdata/notifications.ts';
import type { Incident } from '../core/index.ts';
import type { Store } from '../store/index.ts';
import { openStore } from '../store/index.ts';
import { NotifyStage } from './notify-stage.ts';
import { routesSchema } from './route-schema.ts';

const routes = routesSchema.parse([
  { match: { priority: ['P1', 'P2'] }, channels: ['soc-telegram', 'soar'] },
  { match: { priority: ['P3', 'P4', 'P5'] }, channels: ['soc-mail'], digest: '0 8 * * *' },
]);
const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
const incident = (serial: number, priority: Incident['priority']): Incident => ({
  ...SAMPLE_INCIDENT,
  serial,
  episodeId: `episode-${serial}`,
  priority,
});

describe('NotifyStage', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'klaxon-notify-')), 'k.db')}`);
  });
  afterEach(async () => {
    await store.close();
  });

  it('writes one notification per routed channel into the outbox, numbered per channel', async () => {
    const stage = new NotifyStage({ routes, publicUrl: 'https://klaxon.example.com/' });
    await store.transaction((tx) =>
      stage.apply(
        [
          { kind: 'opened', incident: incident(1, 'P1'), suppressedSince: 0, at: T0 },
          { kind: 'opened', incident: incident(2, 'P2'), suppressedSince: 0, at: T0 + 1 },
        ],
        tx,
      ),
    );
    const entries = await store.outbox.list({});
    const summary = entries
      .map((entry) => [
        entry.notification.channel,
        entry.notification.sequence,
        entry.notification.incident?.serial,
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]));
    expect(summary).toEqual([
      ['soar', 1, 1],
      ['soar', 2, 2],
      ['soc-telegram', 1, 1],
      ['soc-telegram', 2, 2],
    ]);
    expect(entries[0]?.notification.dashboardUrl).toMatch(
      /^https:\/\/klaxon\.example\.com\/incidents\/[12]$/,
    );
    expect(stage.tally).toEqual({ enqueued: 4, heldForDigest: 0, heldForGroup: 0, unrouted: 0 });
  });

  it('holds low-priority incidents for the morning digest, then sends one summary', async () => {
    const stage = new NotifyStage({ routes });
    await store.transaction((tx) =>
      stage.apply([{ kind: 'opened', incident: incident(3, 'P4'), suppressedSince: 0, at: T0 }], tx),
    );
    expect(await store.outbox.list({})).toHaveLength(0);
    const nextMorning = Date.UTC(2026, 2, 3, 8, 0, 1);
    await store.transaction((tx) =>
      stage.apply([{ kind: 'opened', incident: incident(4, 'P1'), suppressedSince: 0, at: nextMorning }], tx),
    );
    const digests = (await store.outbox.list({ channel: 'soc-mail' })).map((entry) => entry.notification);
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ kind: 'digest', channel: 'soc-mail' });
    expect(digests[0]?.digest?.incidents.map((held) => held.serial)).toEqual([3]);
  });

  it('counts incidents no route takes', async () => {
    const stage = new NotifyStage({
      routes: routesSchema.parse([{ match: { rule: ['other'] }, channels: ['soar'] }]),
    });
    await store.transaction((tx) =>
      stage.apply([{ kind: 'opened', incident: incident(5, 'P1'), suppressedSince: 0, at: T0 }], tx),
    );
    expect(stage.tally.unrouted).toBe(1);
  });

  it('cuts a digest on its schedule in event time, not when the next incident comes', async () => {
    const everyMinute = routesSchema.parse([{ channels: ['soc-mail'], digest: '* * * * *' }]);
    const stage = new NotifyStage({ routes: everyMinute });
    const change = (serial: number, at: number) => ({
      kind: 'opened' as const,
      incident: incident(serial, 'P4'),
      suppressedSince: 0,
      at,
    });
    await store.transaction((tx) =>
      stage.apply([change(1, T0 + 10_000), change(2, T0 + 20_000), change(3, T0 + 190_000)], tx),
    );
    await store.transaction((tx) => stage.tickDue(T0 + 240_000, tx));
    const digests = (await store.outbox.list({ channel: 'soc-mail' }))
      .map((entry) => entry.notification.digest)
      .sort((a, b) => (a?.from ?? 0) - (b?.from ?? 0));
    expect(
      digests.map((digest) => [digest?.incidents.map((held) => held.serial), digest?.from, digest?.to]),
    ).toEqual([
      [[1, 2], T0, T0 + 60_000],
      [[3], T0 + 180_000, T0 + 240_000],
    ]);
  });
});
