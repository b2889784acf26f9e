import type { SecurityEvent } from './event.ts';
import type { MinuteCount } from './minute-counts.ts';

/**
 * What the detection engine emits for one episode ("burst") of one rule on one group key.
 * `opened` when the rule's condition first holds, `updated` for each further matching event
 * while the episode lasts, `resolved` once the condition has not held for `resolve_after`.
 * Times are epoch milliseconds of event time, never wall-clock time.
 */
export interface Detection {
  state: 'opened' | 'updated' | 'resolved';
  ruleId: string;
  /** Unique per rule, group key and burst: the same for every signal of one episode. */
  episodeId: string;
  /** Group-by field → value, e.g. `{ 'source.ip': '203.0.113.9' }`; empty for ungrouped rules. */
  group: Record<string, string>;
  /** Matching events in this episode so far (including those that made the condition hold). */
  count: number;
  firstSeen: number;
  lastSeen: number;
  /** The window in which the condition first held. */
  window: { start: number; end: number };
  /** Event time at which this signal happened. */
  at: number;
  /** Capped sample of matching events: the first few of the episode and the latest few. */
  samples: SecurityEvent[];
  /**
   * The episode's matching events per minute of event time, oldest first (the count that opened it
   * spread over first..opening time: the engine does not keep each of those events' times).
   */
  minutes?: MinuteCount[];
  /** For cardinality rules: how many distinct values of which field, and some of them. */
  distinct?: { field: string; count: number; values: string[] };
}

export type DetectionSink = (detection: Detection) => void;
