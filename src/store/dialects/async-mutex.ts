/** A first-come, first-served lock for async work. `lock` resolves to the function that releases it. */
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  lock(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const acquired = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return acquired;
  }
}

interface SharedMutex {
  mutex: AsyncMutex;
  users: number;
}

/**
 * One mutex per SQLite file for the whole process. better-sqlite3 is synchronous: if one Store
 * holds the write lock across an `await` and a second Store on the same file in the same process
 * tries to write, the busy timeout spins on the only thread and the first Store can never commit.
 * Sharing this mutex queues the second Store instead. (Other processes wait on SQLite's own lock.)
 */
const fileMutexes = new Map<string, SharedMutex>();

export function acquireFileMutex(file: string): { mutex: AsyncMutex; dispose(): void } {
  let shared = fileMutexes.get(file);
  if (shared === undefined) {
    shared = { mutex: new AsyncMutex(), users: 0 };
    fileMutexes.set(file, shared);
  }
  shared.users += 1;
  const entry = shared;
  let disposed = false;
  return {
    mutex: entry.mutex,
    dispose() {
      if (disposed) return;
      disposed = true;
      entry.users -= 1;
      if (entry.users === 0 && fileMutexes.get(file) === entry) fileMutexes.delete(file);
    },
  };
}
