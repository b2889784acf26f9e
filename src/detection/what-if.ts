import type { WindowCondition } from './condition.ts';
import type { Held } from './held-events.ts';

/** The slot of a what-if window: its own condition instance holds no other key. */
const SCRATCH = 0;

/**
 * A one-key copy of a rule's window, for live foresight: what the events still held in the
 * reorder buffer would do to a key, worked out in a second instance of the rule's condition so
 * the key's real slot is never touched. The copy goes through `save`/`load`, the snapshot shapes,
 * so each condition keeps one way to hand its state over.
 */
export class WhatIf {
  constructor(private readonly scratch: WindowCondition) {
    scratch.grow(SCRATCH + 1);
  }

  /**
   * Loads the state `real` keeps in `slot` (-1: the key holds none), adds `waiting` in order and
   * calls `opened` with the first held event at which the condition holds, while the scratch slot
   * still shows that moment. The scratch slot is emptied afterwards.
   */
  firstHolding<T>(
    real: WindowCondition,
    slot: number,
    waiting: readonly Held[],
    opened: (held: Held, scratch: WindowCondition, at: number) => T,
  ): T | undefined {
    let fresh = slot === -1;
    if (!fresh) this.scratch.load(SCRATCH, real.whatIfState ? real.whatIfState(slot) : real.save(slot));
    try {
      for (const held of waiting) {
        if (!this.scratch.observe(SCRATCH, fresh, held.ts, held.event)) continue;
        fresh = false;
        if (this.scratch.holdsAt(SCRATCH, held.ts)) return opened(held, this.scratch, SCRATCH);
      }
      return undefined;
    } finally {
      this.scratch.free(SCRATCH);
    }
  }
}
