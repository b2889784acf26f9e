/** How many states Nagios keeps per host or service for flap detection. */
export const FLAP_HISTORY_SIZE = 21;

/** The weight of the oldest and of the newest of the 20 possible changes; those between are linear. */
export interface FlapWeights {
  oldest: number;
  newest: number;
}

/** Nagios' curve (base/flapping.c: low_curve_value 0.75, high_curve_value 1.25). */
export const NAGIOS_FLAP_WEIGHTS: FlapWeights = { oldest: 0.75, newest: 1.25 };

/** The last 21 states of one key (0 ok, 1 problem) in a ring, oldest at `next`. Starts all ok. */
export class FlapHistory {
  private readonly states = new Uint8Array(FLAP_HISTORY_SIZE);
  private next = 0;

  record(state: 0 | 1): void {
    this.states[this.next] = state;
    this.next = this.next === FLAP_HISTORY_SIZE - 1 ? 0 : this.next + 1;
  }

  /** The states oldest first. */
  list(): number[] {
    return [...this.states.subarray(this.next), ...this.states.subarray(0, this.next)];
  }

  /**
   * Nagios' weighted percent state change: each change between neighbouring states counts with a
   * weight rising linearly from `oldest` (the first pair) to `newest` (the last pair), and the sum
   * is scaled so that a change at every step with mean weight 1 gives 100.
   */
  percentStateChange(weights: FlapWeights): number {
    const pairs = FLAP_HISTORY_SIZE - 1;
    const step = (weights.newest - weights.oldest) / (pairs - 1);
    let index = this.next;
    let previous = this.states[index];
    let sum = 0;
    for (let pair = 0; pair < pairs; pair++) {
      index = index === FLAP_HISTORY_SIZE - 1 ? 0 : index + 1;
      const state = this.states[index];
      if (state !== previous) sum += weights.oldest + pair * step;
      previous = state;
    }
    return (sum * 100) / pairs;
  }
}
