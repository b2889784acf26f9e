/** Failure times per key over a sliding window, at most `maxKeys` keys (the stalest are forgotten). */
export interface FailureWindows {
  count(key: string, at: number): number;
  /** Seconds until the key has fewer than `limit` failures in the window; undefined when it has now. */
  waitSeconds(key: string, limit: number, at: number): number | undefined;
  add(key: string, at: number): void;
  clear(key: string): void;
}

export function createFailureWindows(windowMs: number, maxKeys: number): FailureWindows {
  const failures = new Map<string, number[]>();

  const recent = (key: string, at: number): number[] => {
    const times = failures.get(key);
    if (times === undefined) return [];
    const kept = times.filter((time) => time > at - windowMs);
    if (kept.length === 0) failures.delete(key);
    else if (kept.length !== times.length) failures.set(key, kept);
    return kept;
  };

  return {
    count: (key, at) => recent(key, at).length,
    waitSeconds(key, limit, at) {
      const times = recent(key, at);
      if (times.length < limit) return undefined;
      const freeAt = (times[times.length - limit] as number) + windowMs;
      return Math.max(1, Math.ceil((freeAt - at) / 1000));
    },
    add(key, at) {
      const times = recent(key, at);
      failures.delete(key); // re-inserted last: the Map's order is then stalest first
      failures.set(key, [...times, at]);
      while (failures.size > maxKeys) {
        const stalest = failures.keys().next().value as string;
        failures.delete(stalest);
      }
    },
    clear(key) {
      failures.delete(key);
    },
  };
}
