import type { DetectionSink, SecurityEvent } from '../core/index.ts';
import type { Rule } from '../rules/index.ts';
import { AbsenceSlot } from './absence.ts';
import { cardinalityCondition } from './cardinality.ts';
import type { WindowCondition } from './condition.ts';
import { matchCondition } from './match.ts';
import { ReorderBuffer } from './reorder-buffer.ts';
import { RuleSlot } from './rule-slot.ts';
import { sequenceCondition } from './sequence.ts';
import { thresholdCondition } from './threshold.ts';
import { TimerQueue } from './timer-queue.ts';

export interface DetectionEngineOptions {
  rules: readonly Rule[];
  emit: DetectionSink;
  /** How far out of timestamp order events may arrive and still be counted exactly (default 2 s). */
  toleranceMs?: number;
}

export interface EngineStats {
  events: number;
  /** Events older than the tolerance allowed; still counted, as well as their lateness permits. */
  late: number;
  invalidTimestamp: number;
  buffered: number;
  keysAlive: number;
  pendingTimers: number;
}

export interface DetectionEngine {
  /** Feeds one event. */
  push(event: SecurityEvent): void;
  /** Live operation: event time has reached `ts` even if no event says so (a clock tick). */
  advanceTo(ts: number): void;
  /** End of input: processes everything buffered and every timer due before the newest event. */
  flush(): void;
  stats(): EngineStats;
}

const DEFAULT_TOLERANCE_MS = 2_000;

type Slot = RuleSlot<unknown> | AbsenceSlot;

/** The streaming detection engine: event time drives every window, so a replay equals the live run. */
export function createDetectionEngine(options: DetectionEngineOptions): DetectionEngine {
  const timers = new TimerQueue();
  const buffer = new ReorderBuffer(options.toleranceMs ?? DEFAULT_TOLERANCE_MS);
  const slots: Slot[] = options.rules
    .filter((rule) => rule.enabled)
    .map((rule) => createSlot(rule, timers, options.emit));
  const absenceSlots = slots.filter((slot): slot is AbsenceSlot => slot instanceof AbsenceSlot);
  const stats = { events: 0, late: 0, invalidTimestamp: 0 };
  let started = false;

  const process = (ts: number, event: SecurityEvent): void => {
    if (!started) {
      started = true;
      for (const slot of absenceSlots) slot.seed(ts);
    }
    timers.runBefore(ts);
    for (const slot of slots) slot.observe(ts, event);
  };

  return {
    push(event) {
      stats.events++;
      const ts = Date.parse(event['@timestamp']);
      if (Number.isNaN(ts)) {
        stats.invalidTimestamp++;
        return;
      }
      if (!buffer.push(ts, event, process)) {
        stats.late++;
        process(ts, event);
      }
    },
    advanceTo(ts) {
      buffer.releaseUpTo(ts, process);
      timers.runBefore(ts);
      for (const slot of slots) if (slot instanceof RuleSlot) slot.advance(ts);
    },
    flush() {
      buffer.drain(process);
      timers.runBefore(timers.now);
    },
    stats: () => ({
      ...stats,
      buffered: buffer.buffered,
      keysAlive: slots.reduce((sum, slot) => sum + slot.keysAlive, 0),
      pendingTimers: timers.size,
    }),
  };
}

function createSlot(rule: Rule, timers: TimerQueue, emit: DetectionSink): Slot {
  if (rule.type === 'absence') return new AbsenceSlot(rule, timers, emit);
  return new RuleSlot(rule, conditionFor(rule) as WindowCondition<unknown>, timers, emit);
}

function conditionFor(rule: Exclude<Rule, { type: 'absence' }>): WindowCondition<never> {
  switch (rule.type) {
    case 'threshold':
      return thresholdCondition(rule) as WindowCondition<never>;
    case 'cardinality':
      return cardinalityCondition(rule) as WindowCondition<never>;
    case 'sequence':
      return sequenceCondition(rule) as WindowCondition<never>;
    case 'match':
      return matchCondition() as WindowCondition<never>;
  }
}
