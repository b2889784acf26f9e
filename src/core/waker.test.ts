import { describe, expect, it } from 'vitest';
import { createWaker } from './waker.ts';

const HOUR = 3_600_000;

describe('createWaker', () => {
  it('ends a sleep when woken, long before its time is up', async () => {
    const waker = createWaker();
    const sleeping = waker.sleep(HOUR, new AbortController().signal);
    waker.wake();
    await expect(sleeping).resolves.toBeUndefined();
  });

  it('keeps a wake that came while nobody slept for the next sleep, once', async () => {
    const waker = createWaker();
    waker.wake();
    await waker.sleep(HOUR, new AbortController().signal);
    const stop = new AbortController();
    let ended = false;
    const second = waker.sleep(HOUR, stop.signal).then(() => (ended = true));
    await Promise.resolve();
    expect(ended).toBe(false);
    stop.abort();
    await second;
  });
});
