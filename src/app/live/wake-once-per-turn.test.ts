import { describe, expect, it } from 'vitest';
import { wakeOncePerTurn } from './wake-once-per-turn.ts';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('wakeOncePerTurn', () => {
  it('wakes once for all the calls of one turn, after them, and again in a later turn', async () => {
    let wakes = 0;
    const wake = wakeOncePerTurn(() => wakes++);
    wake();
    wake();
    wake();
    expect(wakes).toBe(0);
    await nextTurn();
    expect(wakes).toBe(1);
    wake();
    await nextTurn();
    expect(wakes).toBe(2);
    await nextTurn();
    expect(wakes).toBe(2);
  });
});
