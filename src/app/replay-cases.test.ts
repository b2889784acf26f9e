import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { describeNotification } from '../channels/message/index.ts';
import { isSlimEvent } from '../parsers/index.ts';
import { loadRulesFromText } from '../rules/index.ts';
import { NotifyStage, routesSchema } from '../routing/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { runReplay } from './replay.ts';

const FAIL_BY_SOURCE = `
- id: fail-by-source
  title: Failures from one address
  type: match
  where: { event.code: fail }
  group_by: [source.ip]
  window: 1m
  severity: medium
  confidence: medium
`;
const RULES = `${FAIL_BY_SOURCE}- id: fail-by-user
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

/** The lines in a file of a new temporary folder (removed after the test). */
function inputOf(lines: readonly string[]): { dir: string; input: string } {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-cases-'));
  dirs.push(dir);
  const input = join(dir, 'events.ndjson');
  writeFileSync(input, `${lines.join('\n')}\n`);
  return { dir, input };
}

type ReplayOptions = Parameters<typeof runReplay>[0];
type Report = Awaited<ReturnType<typeof runReplay>>;

/** The replay into SQLite with one checkpoint, then with one at every step (an injected clock). */
async function replayCheckpointed(
  dir: string,
  options: ReplayOptions,
  check: (report: Report, stored: Store, name: string) => Promise<void> | void,
): Promise<void> {
  for (const [name, checkpointEveryMs] of [
    ['once.db', 3_600_000],
    ['often.db', 0],
  ] as const) {
    store = await openStore(`sqlite:${join(dir, name)}`);
    await check(await runReplay({ ...options, store, checkpointEveryMs, now: () => 0 }), store, name);
    await store.close();
    store = undefined;
  }
}

describe('cases on a replay with a store', () => {
  it('tells a second incident of one attack as a case update, and a later return of the address with the earlier case', async () => {
    const lines = [line(1_000, '203.0.113.9', 'root'), line(2_000, '203.0.113.9', 'root')];
    lines.push(line(2 * HOUR, '203.0.113.9', 'admin'), line(2 * HOUR + 1_000, '198.51.100.4', 'zoe'));
    const { dir, input } = inputOf(lines);
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
    // One address, fourteen accounts: its incident and one per account, all one case of 15.
    const lines = Array.from({ length: 14 }, (_, i) => line(1_000 * (i + 1), '203.0.113.9', `user${i}`));
    const { dir, input } = inputOf(lines);
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

describe('cases on a replay in memory', () => {
  it('joins incidents by an account only their evidence names, read from slim events for their case, whether the caller shows evidence or not', async () => {
    // No rule reads user.name: the slim events the engine holds (all lines but the first, of one
    // shape) lack it. The case must read it from their lines, as whole events hold it.
    const { rules, issues } = loadRulesFromText(
      `${FAIL_BY_SOURCE}- id: probes
  title: Probes
  type: match
  where: { event.code: probe }
  group_by: [event.code]
  window: 1m
  severity: medium
  confidence: medium
`,
      'rules.yml',
    );
    expect(issues).toEqual([]);
    const probe = (at: number) => line(at, '198.51.100.4', 'root').replace('"fail"', '"probe"');
    const { dir, input } = inputOf([
      line(1_000, '203.0.113.9', 'root'),
      line(1_500, '203.0.113.9', 'root'),
      probe(2_000),
      probe(2_500),
    ]);
    const base = { inputs: [input], rules, format: 'ndjson' };
    const cases = (report: Report) => report.cases.map((c) => c.serials);
    const samples = (report: Report) => report.incidents.flatMap((incident) => incident.samples);

    const whole = await runReplay({ ...base, wholeEvents: true });
    expect(cases(whole)).toEqual([[1, 2]]);
    const shown = await runReplay(base);
    expect(cases(shown)).toEqual([[1, 2]]);
    expect(samples(shown).filter(isSlimEvent)).toEqual([]);
    expect(JSON.parse(JSON.stringify(shown.incidents))).toEqual(JSON.parse(JSON.stringify(whole.incidents)));
    // The table shows no evidence: the samples stay as the engine held them, the cases the same.
    const table = await runReplay({ ...base, evidence: false });
    expect(cases(table)).toEqual([[1, 2]]);
    expect(samples(table).filter(isSlimEvent)).toHaveLength(3);
    await replayCheckpointed(dir, base, (report, _stored, name) => {
      expect(cases(report), name).toEqual([[1, 2]]);
    });
  });
});

describe('cases whatever the checkpoints', () => {
  it('extends a case with updates a later one superseded before the next checkpoint, as a replay in memory does', async () => {
    // Failures every 5 s for 3 hours: one burst per rule, which the engine reports as updated every
    // 1,024 events (the first at ~85 min). A failure for another account at 90 min, from the same
    // address, is within 15 min of what that update saw, and two hours after the bursts opened.
    const lines: string[] = [];
    for (let at = 0; at < 3 * HOUR; at += 5_000) lines.push(line(at, '203.0.113.9', 'root'));
    lines.splice(90 * 12, 0, line(90 * 60_000 + 1, '203.0.113.9', 'zoe'));
    const { dir, input } = inputOf(lines);
    const { rules } = loadRulesFromText(RULES, 'rules.yml');
    const base = { inputs: [input], rules, format: 'ndjson' };
    const serials = (report: Report) => report.cases.map((c) => c.serials);

    expect(serials(await runReplay(base))).toEqual([[1, 2, 3]]);
    await replayCheckpointed(dir, base, (report, _stored, name) => {
      expect(serials(report), name).toEqual([[1, 2, 3]]);
    });
  });
});

describe('minute counts whatever the checkpoints', () => {
  it('counts a later burst of a manual incident by the minutes its events came in, as a replay in memory does', async () => {
    // Two bursts of one address, an hour apart, each failures every 20 s for 30 min, faster in
    // their last 5 min: the manual incident stays open and the second burst goes on in it.
    const lines: string[] = [];
    for (const start of [0, 2 * HOUR]) {
      for (let at = 0; at < 25 * 60_000; at += 20_000) lines.push(line(start + at, '203.0.113.9', 'root'));
      for (let at = 25 * 60_000; at < 30 * 60_000; at += 2_000)
        lines.push(line(start + at, '203.0.113.9', 'root'));
    }
    const { dir, input } = inputOf(lines);
    const { rules } = loadRulesFromText(
      `- id: fail-by-source
  title: Failures from one address
  type: threshold
  where: { event.code: fail }
  group_by: [source.ip]
  window: 1m
  threshold: 2
  resolve: manual
  resolve_after: 10m
  severity: medium
  confidence: medium
`,
      'rules.yml',
    );
    const base = { inputs: [input], rules, format: 'ndjson' };
    const minutes = (report: Report) =>
      report.incidents.map((incident) => [incident.count, incident.minuteCounts]);

    const inMemory = minutes(await runReplay(base));
    expect(inMemory).toHaveLength(1);
    const [[count, counted]] = inMemory as [[number, [number, number][]]];
    expect(count).toBe(lines.length);
    // Every minute holds the events that came in it: 3 a minute, then 30 in each fast one.
    const expected = new Map<number, number>();
    for (const text of lines) {
      const at = Date.parse((JSON.parse(text) as { '@timestamp': string })['@timestamp']);
      const minute = Math.floor(at / 60_000) * 60_000;
      expected.set(minute, (expected.get(minute) ?? 0) + 1);
    }
    expect(counted).toEqual([...expected]);
    await replayCheckpointed(dir, base, async (report, stored, name) => {
      expect(minutes(report), name).toEqual(inMemory);
      const [incident] = await stored.incidents.list({ limit: 1 });
      expect(incident?.minuteCounts, name).toEqual(counted);
    });
  });
});
