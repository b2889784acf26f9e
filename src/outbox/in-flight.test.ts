import { describe, expect, it } from 'vitest';
import { forEachInFlight } from './in-flight.ts';

/** Work whose items finish only when the test says so, recording what runs at once. */
function heldWork() {
  const finish = new Map<string, (error?: Error) => void>();
  const log: string[] = [];
  let running = 0;
  let most = 0;
  const work = (item: string) =>
    new Promise<void>((resolve, reject) => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${item}`);
      finish.set(item, (error) => {
        running--;
        log.push(`end ${item}`);
        if (error) reject(error);
        else resolve();
      });
    });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { finish, log, work, settle, most: () => most };
}

describe('forEachInFlight', () => {
  it('keeps at most `limit` items on their way and starts the next as one finishes', async () => {
    const held = heldWork();
    const done = forEachInFlight(['a', 'b', 'c', 'd'], 2, (item) => item, held.work);
    await held.settle();
    expect(held.log).toEqual(['start a', 'start b']);
    held.finish.get('b')?.();
    await held.settle();
    expect(held.log).toEqual(['start a', 'start b', 'end b', 'start c']);
    held.finish.get('a')?.();
    await held.settle();
    held.finish.get('c')?.();
    held.finish.get('d')?.();
    await done;
    expect(held.most()).toBe(2);
  });

  it('runs items with the same key one after another, in order, while others overlap', async () => {
    const held = heldWork();
    const keyOf = (item: string) => item.slice(0, 1);
    const done = forEachInFlight(['x1', 'y1', 'x2'], 8, keyOf, held.work);
    await held.settle();
    expect(held.log).toEqual(['start x1', 'start y1']);
    held.finish.get('x1')?.();
    await held.settle();
    expect(held.log).toEqual(['start x1', 'start y1', 'end x1', 'start x2']);
    held.finish.get('x2')?.();
    held.finish.get('y1')?.();
    await done;
  });

  it('starts nothing after a failure, lets the running items finish, then throws the failure', async () => {
    const held = heldWork();
    const done = forEachInFlight(['a', 'b', 'c'], 2, (item) => item, held.work);
    await held.settle();
    held.finish.get('a')?.(new Error('store went away'));
    await held.settle();
    let settled = false;
    void done.catch(() => (settled = true));
    await held.settle();
    expect(settled).toBe(false);
    held.finish.get('b')?.();
    await expect(done).rejects.toThrow('store went away');
    expect(held.log).not.toContain('start c');
  });

  it('with a limit of 1 is a plain loop', async () => {
    const order: string[] = [];
    await forEachInFlight(
      ['a', 'b', 'c'],
      1,
      (item) => item,
      async (item) => {
        order.push(`start ${item}`);
        await Promise.resolve();
        order.push(`end ${item}`);
      },
    );
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
