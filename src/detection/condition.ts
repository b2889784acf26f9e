import type { Detection, SecurityEvent } from '../core/index.ts';

/**
 * The per-key window logic of one rule type. Events reach `observe` in event-time order
 * (the engine's reorder buffer sees to that), except late ones beyond the tolerance.
 */
export interface WindowCondition<S> {
  newState(): S;
  /** Adds a matching event; returns whether the rule's condition holds at `ts`. */
  observe(state: S, ts: number, event: SecurityEvent): boolean;
  /** The last event time at which the condition holds given what was observed (-Infinity: never). */
  holdsUntil(state: S): number;
  /** What the condition counted when it first held: events and the earliest of them. */
  opening(state: S): { count: number; firstSeen: number };
  /** For cardinality rules: the distinct values in the window. */
  distinct?(state: S): Detection['distinct'];
}
