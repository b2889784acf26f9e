import type { Detection, SecurityEvent } from '../core/index.ts';

/**
 * The per-key window logic of one rule type. Events reach `observe` in event-time order (the
 * engine's reorder buffer sees to that), except late ones beyond the tolerance. States are kept
 * for up to a million keys at once, so they are as small as the rule type allows.
 */
export interface WindowCondition<S> {
  /**
   * Adds a matching event to a key's state (undefined for a key not seen in the window) and
   * returns the state to keep, which may be a new object; undefined when the event does not count.
   */
  observe(state: S | undefined, ts: number, event: SecurityEvent): S | undefined;
  /** Whether the condition holds at `ts`, right after `observe` added the event at `ts`. */
  holdsAt(state: S, ts: number): boolean;
  /** The last event time at which the condition holds given what was observed (-Infinity: never). */
  holdsUntil(state: S): number;
  /**
   * What the condition counted when it first held: events and the earliest of them, and, for
   * sequences, the earlier steps' events to show as evidence before the one that completed it.
   */
  opening(state: S): { count: number; firstSeen: number; evidence?: SecurityEvent[] };
  /** For cardinality rules: the distinct values in the window. */
  distinct?(state: S): Detection['distinct'];
}
