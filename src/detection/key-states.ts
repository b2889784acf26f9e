/**
 * Per-key state of one rule, freed once a key has been quiet for a whole window: two
 * generations of maps; every `generationMs` of event time the older one is dropped, except
 * the keys `keep` names (those with an open episode).
 */
export class KeyStates<S> {
  private current = new Map<string, S>();
  private previous = new Map<string, S>();
  private rotateAt = -Infinity;

  constructor(
    private readonly generationMs: number,
    private readonly keep: (key: string) => boolean,
  ) {}

  get size(): number {
    return this.current.size + this.previous.size;
  }

  /** The state of `key` (undefined when none), moving it to the current generation. */
  take(key: string, now: number): S | undefined {
    if (now >= this.rotateAt) this.rotate(now);
    const state = this.current.get(key);
    if (state !== undefined || this.previous.size === 0) return state;
    const old = this.previous.get(key);
    if (old !== undefined) {
      this.previous.delete(key);
      this.current.set(key, old);
    }
    return old;
  }

  /** Stores the state `take` returned, or its replacement. */
  put(key: string, state: S): void {
    this.current.set(key, state);
  }

  get(key: string): S | undefined {
    return this.current.get(key) ?? this.previous.get(key);
  }

  /**
   * Puts back the states of a snapshot taken at event time `now`, as one fresh generation: the
   * first event after a restart must not rotate them away as if they had been quiet.
   */
  restore(entries: Iterable<[string, S]>, now: number): void {
    for (const [key, state] of entries) this.current.set(key, state);
    if (Number.isFinite(now)) this.rotateAt = now + this.generationMs;
  }

  /** Every key and state, for a snapshot. */
  entries(): [string, S][] {
    return [...this.previous, ...this.current];
  }

  /** Lets time pass without events, so quiet keys are freed in live operation too. */
  advance(now: number): void {
    if (now >= this.rotateAt) this.rotate(now);
  }

  private rotate(now: number): void {
    // Keys in `previous` were last touched more than a generation ago: their windows are empty.
    // After a gap of two generations or more, the same holds for `current`.
    const currentIsStale = now >= this.rotateAt + this.generationMs;
    const survivors = currentIsStale ? new Map<string, S>() : this.current;
    for (const generation of currentIsStale ? [this.previous, this.current] : [this.previous]) {
      for (const [key, state] of generation) {
        if (this.keep(key)) survivors.set(key, state);
      }
    }
    this.previous = survivors;
    this.current = new Map();
    this.rotateAt = now + this.generationMs;
  }
}
