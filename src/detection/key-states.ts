/**
 * Per-key state of one rule, freed once a key has been quiet for a whole window: two
 * generations of maps; every `generationMs` of event time the older one is dropped, except
 * the keys a predicate says must live on (those with an open episode).
 */
export class KeyStates<S> {
  private current = new Map<string, S>();
  private previous = new Map<string, S>();
  private rotateAt = -Infinity;

  constructor(
    private readonly generationMs: number,
    private readonly keep: (state: S) => boolean,
  ) {}

  get size(): number {
    return this.current.size + this.previous.size;
  }

  /** The state of `key`, created when missing; `now` (event time) drives the generations. */
  obtain(key: string, now: number, create: () => S): S {
    if (now >= this.rotateAt) this.rotate(now);
    let state = this.current.get(key);
    if (state !== undefined) return state;
    state = this.previous.get(key);
    if (state !== undefined) {
      this.previous.delete(key);
    } else {
      state = create();
    }
    this.current.set(key, state);
    return state;
  }

  get(key: string): S | undefined {
    return this.current.get(key) ?? this.previous.get(key);
  }

  /** Lets time pass without events, so quiet keys are freed in live operation too. */
  advance(now: number): void {
    if (now >= this.rotateAt) this.rotate(now);
  }

  entries(): IterableIterator<[string, S]> {
    return [...this.previous, ...this.current][Symbol.iterator]();
  }

  private rotate(now: number): void {
    // Keys in `previous` were last touched more than a generation ago: their windows are empty.
    // After a gap of two generations or more, the same holds for `current`.
    const currentIsStale = now >= this.rotateAt + this.generationMs;
    const survivors = currentIsStale ? new Map<string, S>() : this.current;
    for (const generation of currentIsStale ? [this.previous, this.current] : [this.previous]) {
      for (const [key, state] of generation) {
        if (this.keep(state)) survivors.set(key, state);
      }
    }
    this.previous = survivors;
    this.current = new Map();
    this.rotateAt = now + this.generationMs;
  }
}
