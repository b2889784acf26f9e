import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeNotification } from '../channels/message/index.ts';
import { loadRulesFromText } from '../rules/index.ts';
import { NotifyStage, routesSchema } from '../routing/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { runReplay } from './replay.ts';

const RULES = `
- id: fail-by-source
  title: Failures from one address
  type: match
  where: { event.code: fail }
  group_by: [source.ip]
  window: 1m
  severity: medium
  confidence: medium
- id: fail-by-user
  title: Failures for one account
  type: match
  where: { event.code: fail }
  group_by: [user.name]
  window: 1m
  severity: medium
  confidence: medium
`;
const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);
const HOUR = 3_600_000;
let store: Store | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await store?.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const line = (at: number, ip: string, user: string) =>
  JSON.stringify({
    '@timestamp': new Date(T0 + at).toISOString(),
    event: { code: 'fail', kind: 'event' },
    source: { ip },
    user: { name: user },
  });

describe('cases on a replay with a store', () => {
  it('tells a second incident of one attack as a case update, and a later return of the address with the earlier case', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-cases-'));
    dirs.push(dir);
    const input = join(dir, 'events.ndjson');
    const lines = [line(1_000, '203.0.113.9', 'root'), line(2_000, '203.0.113.9', 'root')];
    lines.push(line(2 * HOUR, '203.0.113.9', 'admin'), line(2 * HOUR + 1_000, '198.51.100.4', 'zoe'));
    writeFileSync(input, `${lines.join('\n')}\n`);
    store = await openStore(`sqlite:${join(dir, 'k.db')}`);
    const { rules, issues } = loadRulesFromText(RULES, 'rules.yml');
    expect(issues).toEqual([]);
    const notify = new NotifyStage({ routes: routesSchema.parse([{ channels: ['chat'] }]) });
    const report = await runReplay({ inputs: [input], rules, format: 'ndjson', store, notify });

    expect(report.cases.map((c) => [c.id, c.serials])).toEqual([
      [1, [1, 2]],
      [3, [3, 4]],
      [5, [5, 6]],
    ]);
    const opened = (await store.outbox.list({ channel: 'chat' }))
      .filter((entry) => entry.notification.kind === 'opened')
      .sort((a, b) => (a.notification.incident?.serial ?? 0) - (b.notification.incident?.serial ?? 0))
      .map((entry) => describeNotification(entry.notification));
    expect(opened[0]?.title).toBe('[P3] #1 Failures from one address — opened');
    expect(opened[1]?.title).toMatch(
      /^\[P3\] Case #1 updated: now 2 incidents — #2 Failures for one account opened$/,
    );
    const related = opened[2]?.facts.find(([label]) => label.startsWith('earlier'));
    expect(related?.[1]).toContain('#1 P3 Failures from one address (resolved)');
    expect(opened[4]?.facts.find(([label]) => label.startsWith('earlier'))).toBeUndefined();
  });

  it('lists a long case by its first and newest incidents, and counts them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-cases-'));
    dirs.push(dir);
    const input = join(dir, 'events.ndjson');
    // One address, fourteen accounts: its incident and one per account, all one case of 15.
    const lines = Array.from({ length: 14 }, (_, i) => line(1_000 * (i + 1), '203.0.113.9', `user${i}`));
    writeFileSync(input, `${lines.join('\n')}\n`);
    store = await openStore(`sqlite:${join(dir, 'k.db')}`);
    const { rules } = loadRulesFromText(RULES, 'rules.yml');
    const notify = new NotifyStage({ routes: routesSchema.parse([{ channels: ['chat'] }]) });
    const report = await runReplay({ inputs: [input], rules, format: 'ndjson', store, notify });
    expect(report.cases.map((c) => c.serials.length)).toEqual([15]);

    const last = (await store.outbox.list({ channel: 'chat' }))
      .filter((entry) => entry.notification.kind === 'opened')
      .sort((a, b) => (b.notification.incident?.serial ?? 0) - (a.notification.incident?.serial ?? 0))[0];
    const note = last?.notification.case;
    expect(note?.total).toBe(15);
    expect(note?.members.map((member) => member.serial)).toEqual([1, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    const message = describeNotification(last!.notification);
    expect(message.title).toMatch(/Case #1 updated: now 15 incidents — #15 /);
    const listed = message.facts.find(([label]) => label === 'case #1')?.[1] ?? '';
    expect(listed.split('; ')[1]).toBe('… 5 more');
  });
});

describe('cases whatever the checkpoints', () => {
  it('extends a case with updates a later one superseded before the next checkpoint, as a replay in memory does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-cases-'));
    dirs.push(dir);
    const input = join(dir, 'events.ndjson');
    // Failures every 5 s for 3 hours: one burst per rule, which the engine reports as updated every
    // 1,024 events (the first at ~85 min). A failure for another account at 90 min, from the same
    // address, is within 15 min of what that update saw, and two hours after the bursts opened.
    const lines: string[] = [];
    for (let at = 0; at < 3 * HOUR; at += 5_000) lines.push(line(at, '203.0.113.9', 'root'));
    lines.splice(90 * 12, 0, line(90 * 60_000 + 1, '203.0.113.9', 'zoe'));
    writeFileSync(input, `${lines.join('\n')}\n`);
    const { rules } = loadRulesFromText(RULES, 'rules.yml');
    const base = { inputs: [input], rules, format: 'ndjson' };
    const serials = (report: Awaited<ReturnType<typeof runReplay>>) => report.cases.map((c) => c.serials);

    expect(serials(await runReplay(base))).toEqual([[1, 2, 3]]);
    for (const [name, checkpointEveryMs] of [
      ['once.db', 3_600_000],
      ['often.db', 0],
    ] as const) {
      store = await openStore(`sqlite:${join(dir, name)}`);
      const report = await runReplay({ ...base, store, checkpointEveryMs, now: () => 0 });
      expect(serials(report), name).toEqual([[1, 2, 3]]);
      await store.close();
      store = undefined;
    }
  });
});
