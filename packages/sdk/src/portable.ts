/** Runtime helpers that work alike on Node 18+, Deno, Bun and edge runtimes (no node: imports). */

/** Request headers as Node's http module hands them over. */
export type HeaderBag = Record<string, string | string[] | undefined>;

type Timer = ReturnType<typeof setTimeout>;

/** Lets a timer not keep a Node process alive; a no-op where timers are plain numbers. */
export function unref(timer: Timer): Timer {
  const handle = timer as unknown as { unref?: () => void };
  if (typeof handle.unref === 'function') handle.unref();
  return timer;
}

const encoder = new TextEncoder();

/** UTF-8 length of a string. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** Aborts when `signal` does or after `ms` (AbortSignal.any is missing before Node 20.3). */
export function withTimeout(signal: AbortSignal, ms: number): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  const abort = (): void => controller.abort(signal.reason);
  const timer = unref(setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), ms));
  if (signal.aborted) abort();
  else signal.addEventListener('abort', abort, { once: true });
  return {
    signal: controller.signal,
    done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
    },
  };
}
