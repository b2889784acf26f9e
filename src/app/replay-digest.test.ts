import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRulesFromText } from '../rules/index.ts';
import { NotifyStage, routesSchema } from '../routing/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { runReplay } from './replay.ts';

const RULE = `
- id: odd-login
  title: Odd login
  type: match
  where: { event.code: odd }
  group_by: [user.name]
  window: 1m
  severity: low
  confidence: low
`;
const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
const dirs: string[] = [];
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function eventLine(offsetMs: number, code: string, user: string): string {
  const timestamp = new Date(T0 + offsetMs).toISOString();
  return JSON.stringify({ '@timestamp': timestamp, event: { code, kind: 'event' }, user: { name: user } });
}

describe('replay digests and groups', () => {
  it('cuts a one-minute digest on the minute in event time, whenever incidents change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-replay-digest-'));
    dirs.push(dir);
    const lines = [
      eventLine(10_000, 'odd', 'alice'),
      eventLine(20_000, 'odd', 'bob'),
      ...[60_000, 90_000, 120_000, 150_000].map((at) => eventLine(at, 'ok', 'carol')),
      eventLine(190_000, 'odd', 'dave'),
      eventLine(300_000, 'ok', 'carol'),
    ];
    const input = join(dir, 'events.ndjson');
    writeFileSync(input, `${lines.join('\n')}\n`);
    store = await openStore(`sqlite:${join(dir, 'k.db')}`);
    const { rules, issues } = loadRulesFromText(RULE, 'odd.yml');
    expect(issues).toEqual([]);
    const notify = new NotifyStage({
      routes: routesSchema.parse([{ channels: ['mail'], digest: '* * * * *' }]),
    });
    await runReplay({ inputs: [input], rules, format: 'ndjson', store, notify });
    const digests = (await store.outbox.list({ channel: 'mail' }))
      .map((entry) => entry.notification.digest)
      .sort((a, b) => (a?.from ?? 0) - (b?.from ?? 0))
      .map((digest) => [
        digest?.incidents.map((incident) => `${incident.group['user.name']} ${incident.status}`),
        (digest?.from ?? 0) - T0,
        (digest?.to ?? 0) - T0,
      ]);
    // Each digest covers one minute on the minute; quiet minutes send none.
    expect(digests).toEqual([
      [['alice open', 'bob open'], 0, 60_000],
      [['alice resolved', 'bob resolved'], 60_000, 120_000],
      [['dave open'], 180_000, 240_000],
      [['dave resolved'], 240_000, 300_000],
    ]);
  });

  it('groups incidents on event time: five within five seconds go out as one message group_wait later', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-replay-group-'));
    dirs.push(dir);
    const users = ['ann', 'ben', 'cid', 'dee', 'eve'];
    const lines = [
      ...users.map((user, n) => eventLine(10_000 + n * 1_000, 'odd', user)),
      ...[40_000, 50_000, 70_000].map((at) => eventLine(at, 'ok', 'carol')),
    ];
    const input = join(dir, 'events.ndjson');
    writeFileSync(input, `${lines.join('\n')}\n`);
    store = await openStore(`sqlite:${join(dir, 'k.db')}`);
    const { rules } = loadRulesFromText(RULE, 'odd.yml');
    const routes = routesSchema.parse([{ channels: ['chat'], group_by: ['rule'], notify: ['opened'] }]);
    await runReplay({ inputs: [input], rules, format: 'ndjson', store, notify: new NotifyStage({ routes }) });
    const messages = (await store.outbox.list({ channel: 'chat' })).map((entry) => entry.notification);
    expect(messages.map((message) => message.kind)).toEqual(['group']);
    expect(messages[0]?.createdAt).toBe(T0 + 10_000 + 30_000);
    expect(messages[0]?.group?.incidents.map((incident) => incident.group['user.name'])).toEqual(users);
  });

  it('never escalates history: a replay over hours of unacknowledged incidents starts no escalation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-replay-escalate-'));
    dirs.push(dir);
    const lines = [eventLine(0, 'odd', 'alice'), eventLine(3 * 3_600_000, 'ok', 'carol')];
    const input = join(dir, 'events.ndjson');
    writeFileSync(input, `${lines.join('\n')}\n`);
    store = await openStore(`sqlite:${join(dir, 'k.db')}`);
    const { rules } = loadRulesFromText(RULE, 'odd.yml');
    const routes = routesSchema.parse([
      { channels: ['mail'], escalate: [{ after: '10m', channels: ['sms'] }] },
    ]);
    await runReplay({ inputs: [input], rules, format: 'ndjson', store, notify: new NotifyStage({ routes }) });
    expect((await store.incidents.list()).length).toBeGreaterThan(0);
    expect(await store.escalations.list()).toEqual([]);
    expect((await store.outbox.list()).filter((entry) => entry.notification.kind === 'escalated')).toEqual(
      [],
    );
  });
});
