import { describe, expect, it } from 'vitest';
import { AsyncMutex, acquireFileMutex } from './async-mutex.ts';

describe('async mutex', () => {
  it('lets one holder in at a time, in the order they asked', async () => {
    const mutex = new AsyncMutex();
    const log: string[] = [];
    const hold = async (name: string) => {
      const release = await mutex.lock();
      log.push(`${name} in`);
      await Promise.resolve();
      await Promise.resolve();
      log.push(`${name} out`);
      release();
    };
    await Promise.all([hold('a'), hold('b'), hold('c')]);
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('shares one mutex per file while someone uses it, and forgets it after', () => {
    const first = acquireFileMutex('/tmp/a.db');
    const second = acquireFileMutex('/tmp/a.db');
    const other = acquireFileMutex('/tmp/b.db');
    expect(second.mutex).toBe(first.mutex);
    expect(other.mutex).not.toBe(first.mutex);
    first.dispose();
    first.dispose();
    expect(acquireFileMutex('/tmp/a.db').mutex).toBe(second.mutex);
    second.dispose();
    other.dispose();
  });
});
