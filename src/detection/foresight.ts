import type { DetectionSink, SecurityEvent } from '../core/index.ts';
import { HeldEvents } from './held-events.ts';
import type { ReorderBuffer } from './reorder-buffer.ts';
import type { RuleIndex } from './rule-index.ts';
import { RuleSlot } from './rule-slot.ts';

/** Rule types whose condition never stops holding because more events arrived, in any order. */
const GROWING: ReadonlySet<string> = new Set(['threshold', 'cardinality', 'match']);

type Foresee = (ts: number, seq: number, event: SecurityEvent) => void;

/**
 * Live operation: the reorder buffer holds every event for the tolerance so that windows count in
 * time order. For threshold, cardinality and match rules, an event that makes the condition hold
 * over what has arrived opens its episode at once (see RuleSlot.foresee); the buffer still hands
 * every event on in order, so counts, updates and resolution stay exact. Sequence and absence
 * rules wait for the buffer: their outcome depends on order.
 */
export function createForesight<T extends object>(
  slots: readonly T[],
  index: RuleIndex<T>,
  buffer: ReorderBuffer,
  emit: DetectionSink,
): Foresee {
  const isReleased = (ts: number, seq: number) => buffer.isReleased(ts, seq);
  const held = new Map<T, HeldEvents>();
  for (const slot of slots)
    if (slot instanceof RuleSlot && GROWING.has(slot.rule.type)) held.set(slot, new HeldEvents(isReleased));
  let current: { ts: number; seq: number; event: SecurityEvent } = {
    ts: 0,
    seq: 0,
    event: {} as SecurityEvent,
  };
  const visit = (slot: T): void => {
    const waiting = held.get(slot);
    if (waiting === undefined) return;
    const ruleSlot = slot as unknown as RuleSlot;
    const key = ruleSlot.keyFor(current.event);
    if (key === undefined) return;
    waiting.add(key, current);
    const opened = ruleSlot.foresee(key, waiting.waiting(key));
    if (opened) emit(opened);
  };
  return (ts, seq, event) => {
    if (held.size === 0 || buffer.isReleased(ts, seq)) return;
    current = { ts, seq, event };
    index.forEachCandidate(event, visit);
  };
}
