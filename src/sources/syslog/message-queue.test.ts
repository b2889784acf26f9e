import { describe, expect, it } from 'vitest';
import { groupIntoBatches, MessageQueue } from './message-queue.ts';

describe('MessageQueue', () => {
  it('wakes a waiter once enough messages are in and takes them oldest first', async () => {
    const queue = new MessageQueue();
    let woken = false;
    const waiting = queue.waitForSize(2, new AbortController().signal).then(() => (woken = true));
    queue.push({ input: 'udp://a', text: '1' });
    await Promise.resolve();
    expect(woken).toBe(false);
    queue.push({ input: 'udp://a', text: '2' });
    queue.push({ input: 'udp://a', text: '3' });
    await waiting;
    expect(queue.take(2).map((message) => message.text)).toEqual(['1', '2']);
    expect(queue.size).toBe(1);
  });

  it('releases a waiter when the signal aborts', async () => {
    const queue = new MessageQueue();
    const controller = new AbortController();
    const waiting = queue.waitForSize(1, controller.signal);
    controller.abort();
    await waiting;
    expect(queue.size).toBe(0);
  });
});

describe('groupIntoBatches', () => {
  it('makes one lines batch per peer, keeping each peer’s order, with no position', () => {
    const batches = groupIntoBatches([
      { input: 'udp://203.0.113.9', text: 'a1' },
      { input: 'udp://198.51.100.7', text: 'b1' },
      { input: 'udp://203.0.113.9', text: 'a2' },
    ]);
    expect(batches).toEqual([
      { kind: 'lines', input: 'udp://203.0.113.9', lines: ['a1', 'a2'], position: null },
      { kind: 'lines', input: 'udp://198.51.100.7', lines: ['b1'], position: null },
    ]);
  });
});
