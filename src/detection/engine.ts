import type { DetectionSink, SecurityEvent } from '../core/index.ts';
import { parseIsoMillis } from '../core/index.ts';
import type { Rule } from '../rules/index.ts';
import { beginJudging, endJudging } from '../rules/index.ts';
import { AbsenceSlot } from './absence.ts';
import { cardinalityCondition } from './cardinality.ts';
import type { WindowCondition } from './condition.ts';
import { matchCondition } from './match.ts';
import { ReorderBuffer } from './reorder-buffer.ts';
import { KeyIndexes } from './key-index.ts';
import { RuleIndex } from './rule-index.ts';
import { RuleSlot } from './rule-slot.ts';
import type { SlotSnapshot } from './rule-slot.ts';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec.ts';
import { createForesight } from './foresight.ts';
import { sequenceCondition } from './sequence.ts';
import { thresholdCondition } from './threshold.ts';
import { unorderedCondition } from './unordered.ts';
import { TimerQueue } from './timer-queue.ts';
import { UpdateQueue } from './update-queue.ts';

export interface DetectionEngineOptions {
  rules: readonly Rule[];
  emit: DetectionSink;
  /** How far out of timestamp order events may arrive and still be counted exactly (default 2 s). */
  toleranceMs?: number | undefined;
  /** A snapshot taken by `snapshot()` (of this or an earlier process) to continue from. */
  restore?: string | undefined;
  /**
   * Live operation: the wall clock. Events never move event time past it; one dated more than
   * `maxFutureMs` ahead of it is counted as `future` and processed at the clock's time (its
   * `@timestamp` stays as it was, for the evidence).
   */
  wallClock?: (() => number) | undefined;
  /** How far ahead of `wallClock` an event may be dated (default 5 min). */
  maxFutureMs?: number | undefined;
}

export interface EngineStats {
  events: number;
  /** Events older than the tolerance allowed; still counted, as well as their lateness permits. */
  late: number;
  /** Events dated further ahead of the wall clock than allowed (live), processed at the clock's time. */
  future: number;
  invalidTimestamp: number;
  buffered: number;
  keysAlive: number;
  pendingTimers: number;
}

export interface DetectionEngine {
  /** Feeds one event; its `updated` signals are emitted before this returns. */
  push(event: SecurityEvent): void;
  /**
   * Feeds events; an episode updated several times by them is reported once, at the end.
   * `times` (epoch ms of each `@timestamp`, when the caller knows them) spares parsing the dates.
   */
  pushBatch(events: readonly SecurityEvent[], times?: readonly number[]): void;
  /**
   * Feeds events of a replay: pending updates are reported after every UPDATES_EVERY events the
   * engine has taken in all (and at `flush`), never at the end of a call, so however the caller
   * cuts its batches the signals are the same. `from`/`to`: only the events at those indexes.
   */
  feed(events: readonly SecurityEvent[], times: readonly number[], from?: number, to?: number): void;
  /** Live operation: event time has reached `ts` even if no event says so (a clock tick). */
  advanceTo(ts: number): void;
  /** End of input: processes everything buffered and every timer due before the newest event. */
  flush(): void;
  stats(): EngineStats;
  /**
   * Everything needed to continue later exactly where this engine stands: windows, open
   * episodes, buffered events. Pending updates are emitted first, so the caller can store them
   * in the same transaction as the snapshot.
   */
  snapshot(): string;
}

interface EngineSnapshot {
  version: 1;
  buffer: ReturnType<ReorderBuffer['save']>;
  timersNow: number;
  started: boolean;
  stats: { events: number; late: number; future?: number; invalidTimestamp: number };
  slots: Record<string, SlotSnapshot>;
}

export const DEFAULT_TOLERANCE_MS = 2_000;
/**
 * Events `feed` takes between two reports of the episodes they updated (see UpdateQueue); a replay
 * checkpoints only at these points, so a snapshot (which reports them first) adds no signals.
 */
export const UPDATES_EVERY = 1_024;
const DEFAULT_MAX_FUTURE_MS = 300_000;

type Slot = (RuleSlot | AbsenceSlot) & { prefilter?: Rule['prefilter']; literals?: Rule['literals'] };

/** The streaming detection engine: event time drives every window, so a replay equals the live run. */
export function createDetectionEngine(options: DetectionEngineOptions): DetectionEngine {
  const timers = new TimerQueue();
  const updates = new UpdateQueue(options.emit);
  const buffer = new ReorderBuffer(options.toleranceMs ?? DEFAULT_TOLERANCE_MS);
  const keyIndexes = new KeyIndexes();
  const slots: Slot[] = options.rules
    .filter((rule) => rule.enabled)
    .map((rule) =>
      Object.assign(createSlot(rule, timers, updates, options.emit, keyIndexes), {
        prefilter: rule.prefilter,
        literals: rule.literals,
      }),
    );
  const index = new RuleIndex(slots);
  const absenceSlots = slots.filter((slot): slot is AbsenceSlot & Slot => slot instanceof AbsenceSlot);
  let stats = { events: 0, late: 0, future: 0, invalidTimestamp: 0 };
  let started = false;
  if (options.restore !== undefined) {
    const saved = decodeSnapshot(options.restore) as EngineSnapshot;
    buffer.load(saved.buffer);
    timers.now = saved.timersNow;
    started = saved.started;
    stats = { ...saved.stats, future: saved.stats.future ?? 0 };
    for (const slot of slots) {
      const slotSnapshot = saved.slots[slot.ruleId];
      if (slotSnapshot !== undefined) slot.load(slotSnapshot);
    }
  }
  let currentTs = 0;
  let currentEvent: SecurityEvent | undefined;
  const observe = (slot: Slot): void => slot.observe(currentTs, currentEvent as SecurityEvent);

  const process = (ts: number, event: SecurityEvent): void => {
    if (!started) {
      started = true;
      for (const slot of absenceSlots) slot.seed(ts);
    }
    timers.runBefore(ts);
    keyIndexes.nextEvent();
    currentTs = ts;
    currentEvent = event;
    beginJudging();
    try {
      index.forEachCandidate(event, observe);
    } finally {
      endJudging();
    }
  };

  const wallClock = options.wallClock;
  const maxFutureMs = options.maxFutureMs ?? DEFAULT_MAX_FUTURE_MS;
  const foresee =
    wallClock && buffer.tolerance > 0 ? createForesight(slots, index, buffer, options.emit) : undefined;
  const pushOne = (event: SecurityEvent, eventTs: number): void => {
    stats.events++;
    if (Number.isNaN(eventTs)) {
      stats.invalidTimestamp++;
      return;
    }
    let ts = eventTs;
    const now = wallClock?.() ?? Infinity;
    if (ts > now + maxFutureMs) {
      stats.future++;
      ts = now;
    }
    if (!buffer.push(ts, event, process, now)) {
      stats.late++;
      process(ts, event);
    } else if (foresee && ts <= now) {
      foresee(ts, buffer.lastSeq, event);
    }
  };

  return {
    push(event) {
      pushOne(event, parseIsoMillis(event['@timestamp']));
      updates.flush();
    },
    pushBatch(events, times) {
      for (let i = 0; i < events.length; i++) {
        const event = events[i] as SecurityEvent;
        pushOne(event, times?.[i] ?? parseIsoMillis(event['@timestamp']));
      }
      updates.flush();
    },
    feed(events, times, from = 0, to = events.length) {
      for (let i = from; i < to; i++) {
        pushOne(events[i] as SecurityEvent, times[i] as number);
        if (stats.events % UPDATES_EVERY === 0) updates.flush();
      }
    },
    advanceTo(ts) {
      buffer.releaseUpTo(ts, process);
      timers.runBefore(ts);
      for (const slot of slots) if (slot instanceof RuleSlot) slot.advance(ts);
      updates.flush();
    },
    flush() {
      buffer.drain(process);
      timers.runBefore(timers.now);
      updates.flush();
    },
    snapshot() {
      updates.flush();
      const saved: EngineSnapshot = {
        version: 1,
        buffer: buffer.save(),
        timersNow: timers.now,
        started,
        stats,
        slots: Object.fromEntries(slots.map((slot) => [slot.ruleId, slot.save()])),
      };
      return encodeSnapshot(saved);
    },
    stats: () => ({
      ...stats,
      buffered: buffer.buffered,
      keysAlive: slots.reduce((sum, slot) => sum + slot.keysAlive, 0),
      pendingTimers: timers.size,
    }),
  };
}

function createSlot(
  rule: Rule,
  timers: TimerQueue,
  updates: UpdateQueue,
  emit: DetectionSink,
  keyIndexes: KeyIndexes,
): RuleSlot | AbsenceSlot {
  if (rule.type === 'absence') return new AbsenceSlot(rule, timers, emit);
  return new RuleSlot(rule, () => conditionFor(rule), timers, updates, emit, keyIndexes);
}

function conditionFor(rule: Exclude<Rule, { type: 'absence' }>): WindowCondition {
  switch (rule.type) {
    case 'threshold':
      return thresholdCondition(rule);
    case 'cardinality':
      return cardinalityCondition(rule);
    case 'sequence':
      return rule.unordered ? unorderedCondition(rule) : sequenceCondition(rule);
    case 'match':
      return matchCondition();
  }
}
