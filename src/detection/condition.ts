import type { Detection, SecurityEvent } from '../core/index.ts';
import type { SlotStore } from './columns.ts';

/**
 * The per-key window logic of one rule type. Events reach `observe` in event-time order (the
 * engine's reorder buffer sees to that), except late ones beyond the tolerance. States are kept
 * for up to a million keys at once, so each condition keeps them in its own columns indexed by
 * the key's slot (see key-table.ts), as small as the rule type allows.
 */
export interface WindowCondition extends SlotStore {
  /**
   * Adds a matching event to the state in `slot` (`fresh`: a new key, nothing kept yet). Returns
   * false when the event does not count; a fresh slot is then given back.
   */
  observe(slot: number, fresh: boolean, ts: number, event: SecurityEvent): boolean;
  /**
   * Whether the event can count at all, in place of the rule's `matches` when given: a sequence
   * judges each step once here and `observe` right after uses what it found.
   */
  accepts?(event: SecurityEvent): boolean;
  /** Whether the condition holds at `ts`, right after `observe` added the event at `ts`. */
  holdsAt(slot: number, ts: number): boolean;
  /** The last event time at which the condition holds given what was observed (-Infinity: never). */
  holdsUntil(slot: number): number;
  /**
   * What the condition counted when it first held at `ts`: events and the earliest of them, and,
   * for sequences, the earlier steps' events to show as evidence before the one that completed it.
   */
  opening(slot: number, ts: number): { count: number; firstSeen: number; evidence?: SecurityEvent[] };
  /** For cardinality rules: the distinct values in the window. */
  distinct?(slot: number): Detection['distinct'];
  /** The state of `slot` as plain data for a snapshot (the shape older versions wrote, too). */
  save(slot: number): unknown;
  /**
   * What a what-if copy of `slot` needs (see what-if.ts), in `save`'s shape: `save` leaves out
   * nothing, this may leave out what can no longer count. Defaults to `save`.
   */
  whatIfState?(slot: number): unknown;
  /** Puts back what `save` (or `whatIfState`) wrote into a fresh slot. */
  load(slot: number, saved: unknown): void;
}
