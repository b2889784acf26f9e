/** How one long-running part of the daemon is doing. */
export type ComponentState =
  | { kind: 'ok' }
  | { kind: 'retrying'; since: number; why: string; attempts: number }
  | { kind: 'failed'; why: string };

/**
 * One place where every loop (store commits, delivery, each source) says how it is doing, which
 * /readyz and /metrics read. A change of state is logged once, in one line: when a component
 * starts failing and when it recovers, never at every retry.
 */
export class ComponentHealth {
  private readonly states = new Map<string, ComponentState>();
  private readonly waiting = new Map<string, Set<() => void>>();

  constructor(
    private readonly now: () => number,
    private readonly log: (line: string, level: 'info' | 'warn' | 'error') => void,
  ) {}

  /** The component made progress; logs the recovery if it was failing. */
  ok(name: string): void {
    const before = this.states.get(name);
    this.states.set(name, { kind: 'ok' });
    if (before !== undefined && before.kind !== 'ok') {
      const seconds = before.kind === 'retrying' ? ` after ${describeSince(before.since, this.now())}` : '';
      this.log(`${name} recovered${seconds}`, 'info');
    }
    for (const wake of this.waiting.get(name) ?? []) wake();
    this.waiting.delete(name);
  }

  /** A turn failed and will be retried; returns how many turns in a row have failed. */
  retrying(name: string, error: unknown): number {
    const before = this.states.get(name);
    const why = reasonOf(error);
    if (before?.kind === 'retrying') {
      this.states.set(name, { ...before, why, attempts: before.attempts + 1 });
      return before.attempts + 1;
    }
    this.states.set(name, { kind: 'retrying', since: this.now(), why, attempts: 1 });
    this.log(`${name} failing, retrying with backoff: ${why}`, 'warn');
    return 1;
  }

  /** The component gave up for good (a configuration error, say). */
  failed(name: string, why: string): void {
    const before = this.states.get(name);
    this.states.set(name, { kind: 'failed', why });
    if (before?.kind !== 'failed') this.log(`${name} failed: ${why}`, 'error');
  }

  state(name: string): ComponentState | undefined {
    return this.states.get(name);
  }

  all(): [string, ComponentState][] {
    return [...this.states].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Resolves once `name` is ok (at once when it is), or when `signal` aborts. */
  whenOk(name: string, signal: AbortSignal): Promise<void> {
    if (this.states.get(name)?.kind !== 'retrying' || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done);
        this.waiting.get(name)?.delete(done);
        resolve();
      };
      signal.addEventListener('abort', done, { once: true });
      let set = this.waiting.get(name);
      if (set === undefined) this.waiting.set(name, (set = new Set()));
      set.add(done);
    });
  }
}

/** Plain words for a log line or /readyz: the message and, for a wrapped driver error, its cause. */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  const text =
    cause !== undefined && !error.message.includes(cause) ? `${error.message}: ${cause}` : error.message;
  return text.replace(/\s+/g, ' ').slice(0, 300);
}

/** How to say the state in a line: `ok`, `retrying since 2026-12-05T03:00:00.000Z: why`, `failed: why`. */
export function describeState(state: ComponentState): string {
  if (state.kind === 'ok') return 'ok';
  if (state.kind === 'failed') return `failed: ${state.why}`;
  return `retrying since ${new Date(state.since).toISOString()}: ${state.why}`;
}

function describeSince(since: number, now: number): string {
  return `${((now - since) / 1000).toFixed(1)} s`;
}
