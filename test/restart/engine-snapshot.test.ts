import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/app/index.ts';
import type { Detection, SecurityEvent } from '../../src/core/index.ts';
import { generateDemoDay } from '../../src/demo/scenario.ts';
import { createDetectionEngine } from '../../src/detection/index.ts';
import type { Rule } from '../../src/rules/index.ts';
import { ndjsonParser, sshdParser, windowsParser } from '../../src/parsers/index.ts';
import type { ParserDefinition } from '../../src/parsers/index.ts';
import { readFileSync } from 'node:fs';
import { DATASETS } from '../e2e/run-cli.ts';

function parse(parser: ParserDefinition, lines: string[], year: number): SecurityEvent[] {
  const events: SecurityEvent[] = [];
  const instance = parser.create({ year });
  for (const line of lines) instance.parseLine(line, (event) => events.push(event));
  return events;
}

/** Detections as plain data, so runs in different engines compare equal. */
const plain = (detections: Detection[]) => JSON.parse(JSON.stringify(detections)) as unknown[];

function runStraight(rules: Rule[], events: SecurityEvent[]): Detection[] {
  const out: Detection[] = [];
  const engine = createDetectionEngine({ rules, emit: (d) => out.push(d) });
  for (let i = 0; i < events.length; i += 100) engine.pushBatch(events.slice(i, i + 100));
  engine.flush();
  return out;
}

/** The same stream, but the engine is snapshotted and replaced by a restored one at every cut. */
function runWithRestarts(rules: Rule[], events: SecurityEvent[], cuts: number[]): Detection[] {
  const out: Detection[] = [];
  let engine = createDetectionEngine({ rules, emit: (d) => out.push(d) });
  for (let i = 0; i < events.length; i += 100) {
    if (cuts.includes(i)) {
      const saved = engine.snapshot();
      engine = createDetectionEngine({ rules, emit: (d) => out.push(d), restore: saved });
    }
    engine.pushBatch(events.slice(i, i + 100));
  }
  engine.flush();
  return out;
}

describe('engine snapshots', async () => {
  const rules = await loadRules(undefined);
  const withAbsence = rules.map((rule) => (rule.type === 'absence' ? { ...rule, enabled: true } : rule));

  it('continue the real auth.log exactly where they were taken', () => {
    const lines = readFileSync(`${DATASETS}sshd/auth.log`, 'utf8').split('\n');
    const events = parse(sshdParser, lines, 2017);
    const straight = runStraight(withAbsence, events);
    expect(straight.length).toBeGreaterThan(30);
    const cuts = [300, 700, 1000, 1500, 2000, 2200];
    expect(plain(runWithRestarts(withAbsence, events, cuts))).toEqual(plain(straight));
  });

  it('continue a demo day across all rule types, with events out of order', () => {
    const day = generateDemoDay({ seed: 3, start: new Date('2026-03-02T00:00:00Z') });
    const events = [
      ...parse(sshdParser, day.sshd, 2026),
      ...parse(windowsParser, day.windows, 2026),
      ...parse(ndjsonParser, day.app, 2026),
    ].sort((a, b) => a['@timestamp'].localeCompare(b['@timestamp']));
    // Swap neighbours here and there: the reorder buffer holds them across a snapshot too.
    for (let i = 5; i + 1 < events.length; i += 37) [events[i], events[i + 1]] = [events[i + 1]!, events[i]!];
    const straight = runStraight(withAbsence, events);
    expect(new Set(straight.map((d) => d.ruleId)).size).toBeGreaterThan(6);
    for (const cuts of [[100], [200, 300, 400, 500, 600, 700, 800, 900], [500]]) {
      expect(plain(runWithRestarts(withAbsence, events, cuts))).toEqual(plain(straight));
    }
  });

  it('keep a half-counted burst across a restart, also when time passed in between', () => {
    const failure = (second: number): SecurityEvent => ({
      '@timestamp': new Date(Date.UTC(2026, 10, 21, 10, 0, second)).toISOString(),
      event: { action: 'ssh_login', outcome: 'failure' },
      system: { auth: { ssh: { event: 'Failed' } } },
      source: { ip: '192.0.2.1' },
    });
    const burst = Array.from({ length: 11 }, (_, second) => failure(second));
    const straight = runStraight(rules, burst);
    const out: Detection[] = [];
    const first = createDetectionEngine({ rules, emit: (d) => out.push(d) });
    first.pushBatch(burst.slice(0, 5));
    first.advanceTo(Date.UTC(2026, 10, 21, 10, 1, 0));
    const restored = createDetectionEngine({ rules, emit: (d) => out.push(d), restore: first.snapshot() });
    restored.pushBatch(burst.slice(5));
    restored.flush();
    const brute = (ds: Detection[]) =>
      ds.filter((d) => d.ruleId === 'ssh-brute-force-source' && d.state === 'opened');
    expect(brute(straight)).toHaveLength(1);
    expect(brute(out).map((d) => d.count)).toEqual(brute(straight).map((d) => d.count));
  });

  it('start a rule afresh when it was edited between runs', () => {
    const events = parse(sshdParser, readFileSync(`${DATASETS}sshd/auth.log`, 'utf8').split('\n'), 2017);
    const first = createDetectionEngine({ rules, emit: () => {} });
    first.pushBatch(events.slice(0, 1000));
    const edited = rules.map((rule) =>
      rule.type === 'threshold' ? { ...rule, threshold: rule.threshold + 1 } : rule,
    );
    const restored = createDetectionEngine({ rules: edited, emit: () => {}, restore: first.snapshot() });
    expect(restored.stats().keysAlive).toBeLessThan(first.stats().keysAlive);
    expect(restored.stats().events).toBe(first.stats().events);
  });
});
