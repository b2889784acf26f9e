import { afterEach, describe, expect, it } from 'vitest';
import type { Detection } from '../core/index.ts';
import { createDetectionEngine } from '../detection/index.ts';
import type { Rule } from '../rules/index.ts';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/index.ts';
import { IncidentRecorder } from './index.ts';
// The engine's own test fixtures: a five-failures threshold rule and auth events from T0.
import { MINUTE, SECOND, T0, authEvent, thresholdRule } from '../detection/testdata/fixtures.ts';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/** The engine on event time (its clock is `advanceTo`), feeding a recorder over a real SQLite store. */
async function pipeline(rule: Rule) {
  store = await openStore('sqlite::memory:');
  const opened = store;
  const recorder = new IncidentRecorder((id) => (id === rule.id ? rule : undefined));
  const engine = createDetectionEngine({ rules: [rule], emit: (d: Detection) => recorder.add(d) });
  const changes: string[] = [];
  const burst = async (fromMs: number, count: number) => {
    for (let i = 0; i < count; i++) engine.push(authEvent(fromMs + i * SECOND));
    engine.flush();
    await settle();
  };
  const settle = async () => {
    const flushed = await opened.transaction((tx) => recorder.flush(tx));
    changes.push(...flushed.map((c) => `${c.kind} #${c.incident.serial}`));
  };
  const advance = async (toMs: number) => {
    engine.advanceTo(T0 + toMs);
    await settle();
  };
  return { store: opened, burst, advance, changes };
}

describe('incident recorder: how an incident ends', () => {
  it('resolves an auto incident nobody acknowledged once the burst is over', async () => {
    const run = await pipeline(thresholdRule());
    await run.burst(0, 6);
    await run.advance(12 * MINUTE);
    expect(await run.store.incidents.get(1)).toMatchObject({ status: 'resolved', resolvedBy: 'klaxon' });
    expect(run.changes).toEqual(['opened #1', 'updated #1', 'resolved #1']);
  });

  it('keeps a manual incident open after the burst, with the time the attack stopped', async () => {
    const run = await pipeline(thresholdRule({ resolve: 'manual' }));
    await run.burst(0, 6);
    await run.advance(12 * MINUTE);
    const incident = await run.store.incidents.get(1);
    expect(incident?.status).toBe('open');
    expect(incident?.resolvedAt).toBeUndefined();
    // Five failures in the window last held until the second (at 1 s) left it: 5 minutes later,
    // and resolve_after (5 minutes more) of quiet ends the burst.
    expect(incident?.quietSince).toBe(T0 + 1 * SECOND + 10 * MINUTE);
    const trail = await run.store.incidents.history(1);
    expect(trail.at(-1)?.detail).toMatch(/^attack stopped; 6 events; stays open until a person resolves it$/);
  });

  it('lets a new burst on the same key go on in the still-open manual incident, not a twin', async () => {
    const run = await pipeline(thresholdRule({ resolve: 'manual' }));
    await run.burst(0, 6);
    await run.advance(30 * MINUTE);
    await run.burst(60 * MINUTE, 7);
    expect(await run.store.incidents.count()).toBe(1);
    const incident = await run.store.incidents.get(1);
    expect(incident).toMatchObject({ status: 'open', count: 13, firstSeen: T0 });
    expect(incident?.quietSince).toBeUndefined();
    expect(incident?.lastSeen).toBe(T0 + 60 * MINUTE + 6 * SECOND);
    // Once a person resolved it, the next burst is a new incident that links the earlier one.
    await run.store.incidents.resolve(1, 'alice', T0 + 70 * MINUTE, 'blocked at the edge');
    await run.advance(100 * MINUTE);
    await run.burst(120 * MINUTE, 5);
    expect(await run.store.incidents.get(2)).toMatchObject({ status: 'open', previousSerial: 1, count: 5 });
  });

  it('leaves an auto incident a person acknowledged for a person to resolve', async () => {
    const run = await pipeline(thresholdRule());
    await run.burst(0, 6);
    await run.store.incidents.acknowledge(1, 'bob', T0 + MINUTE);
    await run.advance(12 * MINUTE);
    const incident = await run.store.incidents.get(1);
    expect(incident).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'bob' });
    expect(incident?.quietSince).toBeDefined();
    expect(run.changes.at(-1)).toBe('updated #1');
  });
});

/**
 * A recorder of one threshold rule, and an engine feeding it, whose evidence marks each sample
 * with `mark(detection)` and notes which detections it was asked for (`made`) with which memos.
 */
/** A recorder over a fresh in-memory store whose evidence marks each sample with `mark`. */
async function evidenceRun(mark: (detection: Detection) => unknown) {
  const opened = await openStore('sqlite::memory:');
  store = opened;
  const rule = thresholdRule();
  const made: string[] = [];
  const memos = new Set<Map<unknown, unknown>>();
  const recorder = new IncidentRecorder((id) => (id === rule.id ? rule : undefined), {
    evidence: (detection, memo) => {
      memos.add(memo);
      made.push(`${detection.state} ${detection.count}`);
      const whole = mark(detection);
      return { ...detection, samples: detection.samples.map((event) => ({ ...event, whole })) };
    },
  });
  const engine = createDetectionEngine({ rules: [rule], emit: (d: Detection) => recorder.add(d) });
  const flush = () => opened.transaction((tx) => recorder.flush(tx));
  return { opened, recorder, engine, made, memos, flush };
}

describe('incident recorder: evidence', () => {
  it('makes whole the evidence of the detections it writes only, not of updates a later one superseded', async () => {
    const { opened, engine, made, memos, flush } = await evidenceRun(() => true);
    // One event at a time: the opening, then an update per event.
    for (let i = 0; i < 9; i++) engine.push(authEvent(T0 + i * SECOND));
    engine.flush();
    const changes = await flush();
    expect(made).toEqual(['opened 5', 'updated 9']);
    expect(memos.size).toBe(1); // one memo of whole events per flush, shared by its detections
    expect(changes.map((change) => change.kind)).toEqual(['opened', 'updated']);
    const stored = await opened.incidents.get(changes[0]?.incident.serial ?? 0);
    expect(stored?.count).toBe(9);
    expect(stored?.samples.every((sample) => (sample as { whole?: boolean }).whole === true)).toBe(true);
  });

  it('neither makes whole nor writes again the samples of a signal at the count last written', async () => {
    const { opened, engine, made, flush } = await evidenceRun((detection) => detection.state);
    for (let i = 0; i < 9; i++) engine.push(authEvent(i * SECOND));
    engine.flush();
    const [first] = await flush();
    engine.advanceTo(T0 + 12 * MINUTE); // no event since: resolved at the count written
    const ended = await flush();
    expect(ended.map((change) => change.kind)).toEqual(['resolved']);
    expect(made).toEqual(['opened 5', 'updated 9']);
    const stored = await opened.incidents.get(first?.incident.serial ?? 0);
    expect([stored?.status, stored?.count]).toEqual(['resolved', 9]);
    expect(stored?.samples.map((sample) => (sample as { whole?: string }).whole)).toEqual(
      stored?.samples.map(() => 'updated'),
    );
    expect(stored?.samples.length).toBeGreaterThan(0);
  });

  it('writes the samples of a signal past the count last written', async () => {
    const { opened, engine, made, flush } = await evidenceRun((detection) => detection.count);
    for (let i = 0; i < 6; i++) engine.push(authEvent(i * SECOND));
    engine.flush();
    const [first] = await flush();
    engine.push(authEvent(6 * SECOND));
    engine.advanceTo(T0 + 12 * MINUTE);
    await flush();
    expect(made.at(-1)).toBe('resolved 7');
    const stored = await opened.incidents.get(first?.incident.serial ?? 0);
    expect(stored?.count).toBe(7);
    expect(stored?.samples.at(-1)).toMatchObject({ whole: 7 });
  });
});
