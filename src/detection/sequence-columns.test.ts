import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.ts';
import { EVIDENCE_FORM, parseIsoMillis } from '../core/index.ts';
import { windowsParser } from '../parsers/index.ts';
import type { SequenceRule } from '../rules/index.ts';
import { loadRulesFromPaths } from '../rules/index.ts';
import { datasetUrl } from '../../test/support/datasets.ts';
import type { WindowCondition } from './condition.ts';
import { compileGroupKey } from './group-key.ts';
import { sequenceCondition } from './sequence.ts';
import { SECOND, T0, authEvent, sequenceRule } from './testdata/fixtures.ts';
import { sequenceCondition as referenceCondition } from './testdata/sequence-reference.ts';

interface Step {
  ts: number;
  event: SecurityEvent;
  slot: number;
  then: 'nothing' | 'free' | 'reload';
}

/**
 * What a condition answers at each step, as a rule slot asks (accepts, observe, holds, opening),
 * with slots freed, saved and loaded again (through JSON, as a snapshot) along the way.
 */
function drive(condition: WindowCondition, steps: readonly Step[], slots: number): string[] {
  condition.grow(slots);
  const live = new Set<number>();
  const answers: unknown[] = [];
  for (const { ts, event, slot, then } of steps) {
    if (condition.accepts?.(event) === false) continue;
    const fresh = !live.has(slot);
    const kept = condition.observe(slot, fresh, ts, event);
    if (kept) live.add(slot);
    else if (fresh) condition.free(slot);
    const holds = live.has(slot) && condition.holdsAt(slot, ts);
    answers.push([kept, holds, condition.holdsUntil(slot), holds && condition.opening(slot, ts)]);
    if (!live.has(slot) || then === 'nothing') continue;
    const saved = JSON.stringify(condition.save(slot));
    answers.push(saved);
    condition.free(slot);
    if (then === 'free') live.delete(slot);
    else condition.load(slot, JSON.parse(saved));
  }
  for (const slot of live) answers.push(JSON.stringify(condition.save(slot)));
  return answers.map((answer) => JSON.stringify(answer));
}

/** Both conditions answer alike; the first answer that differs is shown (not all of them). */
function sameAnswers(rule: SequenceRule, steps: readonly Step[], slots: number): string[] {
  const answers = drive(sequenceCondition(rule), steps, slots);
  const expected = drive(referenceCondition(rule), steps, slots);
  const at = answers.findIndex((answer, i) => answer !== expected[i]);
  expect([at, answers[at]]).toEqual([-1, undefined]);
  expect(answers).toHaveLength(expected.length);
  return answers;
}

/** An event whose evidence is a stand-in made once (EVIDENCE_FORM), as light events keep theirs. */
function withStandIn(event: SecurityEvent, line: number): SecurityEvent {
  const standIn = { '@timestamp': event['@timestamp'], line };
  return Object.defineProperty({ ...event }, EVIDENCE_FORM, { value: () => standIn });
}

const outcomes = fc.constantFrom<'success' | 'failure'>('failure', 'failure', 'failure', 'success');
const isFailure = (e: SecurityEvent) => e.event.outcome === 'failure';
const isSuccess = (e: SecurityEvent) => e.event.outcome === 'success';
const rules = [
  sequenceRule(),
  sequenceRule({
    steps: [
      { name: 'failures', matches: isFailure, count: 3 },
      { name: 'success', matches: isSuccess, count: 1 },
    ],
  }),
  sequenceRule({
    steps: [
      { name: 'failure', matches: isFailure, count: 1 },
      { name: 'success', matches: isSuccess, count: 2 },
    ],
  }),
  sequenceRule({
    steps: [
      { name: 'fail', matches: isFailure, count: 2 },
      { name: 'success', matches: isSuccess, count: 1 },
      { name: 'again', matches: isFailure, count: 4 },
    ],
  }),
  // One event may match both steps; and a sequence of one step.
  sequenceRule({
    steps: [
      { name: 'any', matches: () => true, count: 4 },
      { name: 'success', matches: isSuccess, count: 1 },
    ],
  }),
  sequenceRule({ steps: [{ name: 'failures', matches: isFailure, count: 3 }] }),
] as SequenceRule[];

describe('sequence first-step columns', () => {
  it('answer as state objects did: out of order, freed, saved and loaded keys included', () => {
    let openings = 0;
    const drawn = fc.array(
      fc.record({
        // Whole minutes too, so chains often span exactly the window.
        gap: fc.oneof(fc.integer({ min: -120, max: 300 }), fc.constantFrom(0, 60, 120, 300, -60)),
        slot: fc.integer({ min: 0, max: 3 }),
        outcome: outcomes,
        then: fc.constantFrom<Step['then']>('nothing', 'nothing', 'nothing', 'nothing', 'free', 'reload'),
      }),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...rules), fc.integer({ min: 1, max: 4 }), drawn, (rule, slots, draws) => {
        let offset = 0;
        const steps = draws.map(({ gap, slot, outcome, then }, i): Step => {
          offset += gap * SECOND;
          const event = withStandIn(authEvent(offset, { outcome }), i);
          return { ts: T0 + offset, event, slot: slot % slots, then };
        });
        const answers = sameAnswers(rule, steps, slots);
        openings += answers.filter((answer) => answer.startsWith('[true,true,')).length;
      }),
      { numRuns: 600 },
    );
    // Chains complete (evidence is compared, not only quiet keys), some exactly a window long.
    expect(openings).toBeGreaterThan(50);
  });

  it('open a chain exactly one window long, and not one a millisecond longer', () => {
    const rule = rules[1] as SequenceRule;
    for (const extra of [0, 1]) {
      const steps = [0, 1, 2].map((i): Step => ({
        ts: T0 + i * SECOND,
        event: authEvent(i * SECOND),
        slot: 0,
        then: 'nothing',
      }));
      const at = rule.windowMs + extra;
      steps.push({ ts: T0 + at, event: authEvent(at, { outcome: 'success' }), slot: 0, then: 'nothing' });
      const answers = sameAnswers(rule, steps, 1);
      expect(answers.at(-2)?.startsWith('[true,true,')).toBe(extra === 0);
    }
  });

  it('answer as state objects did on the real Windows logs with the shipped sequences, lockouts added', async () => {
    const { rules: pack } = await loadRulesFromPaths(['rules/windows.yml', 'rules/authentication.yml']);
    const sequences = pack.filter((rule): rule is SequenceRule => rule.type === 'sequence');
    expect(sequences.map((rule) => rule.id).sort()).toEqual([
      'auth-success-after-failures',
      'windows-lockout-after-failures',
    ]);
    const events = windowsEventsWithLockouts();
    for (const rule of sequences) {
      const keyOf = compileGroupKey(rule.groupBy).keyOf;
      const slots = new Map<string, number>();
      const steps: Step[] = [];
      events.forEach((event, i) => {
        const key = keyOf(event);
        if (key === undefined) return;
        if (!slots.has(key)) slots.set(key, slots.size);
        const then = i % 17 === 0 ? 'reload' : i % 29 === 0 ? 'free' : 'nothing';
        steps.push({ ts: parseIsoMillis(event['@timestamp']), event, slot: slots.get(key) as number, then });
      });
      expect(slots.size).toBeGreaterThan(3);
      const answers = sameAnswers(rule, steps, slots.size);
      // The added lockouts complete chains, so evidence is compared, not only quiet keys.
      const openings = answers.filter((answer) => answer.startsWith('[true,true,'));
      if (rule.id === 'windows-lockout-after-failures') expect(openings.length).toBeGreaterThan(2);
    }
  });
});

/**
 * The EVTX-to-MITRE-Attack logs (CC0, see shared/datasets/README.md) in file order, each account's
 * failures followed by a lockout (4740) a minute after its third one, a second lockout out of order
 * before it, and one without an account name.
 */
function windowsEventsWithLockouts(): SecurityEvent[] {
  const folder = datasetUrl('windows/evtx-to-mitre-attack/jsonl/');
  const parser = windowsParser.create({});
  const events: SecurityEvent[] = [];
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.jsonl'))
    .sort())
    for (const line of readFileSync(new URL(file, folder), 'utf8').split('\n'))
      parser.parseLine(line, (event) => events.push(event));
  const seen = new Map<string, number>();
  const withLockouts: SecurityEvent[] = [];
  for (const event of events) {
    withLockouts.push(event);
    const account = (event.winlog as { event_data?: { TargetUserName?: string } } | undefined)?.event_data
      ?.TargetUserName;
    if (account === undefined || event.event.outcome !== 'failure') continue;
    seen.set(account, (seen.get(account) ?? 0) + 1);
    if (seen.get(account) !== 3) continue;
    const at = parseIsoMillis(event['@timestamp']);
    withLockouts.push(lockout(event, at + 60_000), lockout(event, at - 5_000), lockout(event, at, ''));
  }
  return withLockouts;
}

function lockout(failure: SecurityEvent, at: number, account?: string): SecurityEvent {
  const winlog = failure.winlog as { event_data: Record<string, unknown> };
  const eventData = { ...winlog.event_data, ...(account === undefined ? {} : { TargetUserName: account }) };
  return {
    ...failure,
    '@timestamp': new Date(at).toISOString(),
    event: { ...failure.event, code: '4740', outcome: 'success', original: `lockout at ${at}` },
    winlog: { ...winlog, event_data: eventData },
  };
}
