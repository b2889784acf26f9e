import type { SourceBatch } from '../source.ts';

/** A message and where it came from (`udp://203.0.113.9`). */
export interface ReceivedMessage {
  input: string;
  text: string;
}

interface Waiter {
  size: number;
  resolve: () => void;
}

/**
 * Messages received and not yet delivered, in arrival order. Receivers push; the source's loop
 * waits for a batch's worth and takes it. Unbounded by itself: the source decides what to drop.
 */
export class MessageQueue {
  private messages: ReceivedMessage[] = [];
  private waiters: Waiter[] = [];

  get size(): number {
    return this.messages.length;
  }

  push(message: ReceivedMessage): void {
    this.messages.push(message);
    this.wake();
  }

  /** Up to `count` messages, oldest first, removed from the queue. */
  take(count: number): ReceivedMessage[] {
    return this.messages.splice(0, count);
  }

  /** Resolves once the queue holds at least `size` messages, or when `signal` aborts. */
  waitForSize(size: number, signal: AbortSignal): Promise<void> {
    if (this.messages.length >= size || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter: Waiter = {
        size,
        resolve: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        waiter.resolve();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  private wake(): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((waiter) => this.messages.length >= waiter.size);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => this.messages.length < waiter.size);
    for (const waiter of ready) waiter.resolve();
  }
}

/** One `lines` batch per input, each keeping its messages in arrival order. */
export function groupIntoBatches(messages: readonly ReceivedMessage[]): SourceBatch[] {
  const linesByInput = new Map<string, string[]>();
  for (const { input, text } of messages) {
    const lines = linesByInput.get(input);
    if (lines) lines.push(text);
    else linesByInput.set(input, [text]);
  }
  return [...linesByInput].map(([input, lines]) => ({ kind: 'lines', input, lines, position: null }));
}
