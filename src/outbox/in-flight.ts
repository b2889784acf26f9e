/**
 * Runs `work` on every item, at most `limit` at once; items with the same key go one after
 * another, in their order. After the first failure no further item starts; the ones already on
 * their way finish, then the failure is thrown. With `limit` 1 this is a plain loop.
 */
export async function forEachInFlight<T>(
  items: readonly T[],
  limit: number,
  keyOf: (item: T) => string,
  work: (item: T) => Promise<void>,
): Promise<void> {
  const running = new Set<Promise<void>>();
  const tails = new Map<string, Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const item of items) {
    while (running.size >= Math.max(1, limit) && failure === undefined) await Promise.race(running);
    if (failure !== undefined) break;
    const key = keyOf(item);
    const task = (tails.get(key) ?? Promise.resolve())
      .then(() => (failure === undefined ? work(item) : undefined))
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => running.delete(task));
    tails.set(key, task);
    running.add(task);
  }
  await Promise.all(running);
  if (failure !== undefined) throw failure.error;
}
