import { ReporterError } from './reporter-error.ts';
import type { ReporterErrorInit } from './reporter-error.ts';

export interface DropCounts {
  invalid: number;
  rejected: number;
  gaveUp: number;
  overflow: number;
  closed: number;
}

/**
 * Counts every lost event by reason and tells the application through `onError` and
 * `onDrop(count, reason)`; neither callback can stop reporting by throwing.
 */
export class DropLedger {
  readonly counts: DropCounts = { invalid: 0, rejected: 0, gaveUp: 0, overflow: 0, closed: 0 };
  private unreportedOverflow = 0;
  private closedNoticeSent = false;

  constructor(
    private readonly onError: (error: ReporterError) => void,
    private readonly onDrop: (count: number, reason: string) => void,
    private readonly maxQueue: number,
  ) {}

  get total(): number {
    return Object.values(this.counts).reduce((sum, count) => sum + count, 0);
  }

  notify(init: ReporterErrorInit): void {
    try {
      this.onError(new ReporterError(init));
    } catch {
      // onError is the application's; its failure must not stop reporting.
    }
    try {
      if (init.dropped > 0) this.onDrop(init.dropped, init.message);
    } catch {
      // As above.
    }
  }

  /** An event report() could not take. */
  invalid(message: string): void {
    this.counts.invalid++;
    this.notify({ kind: 'invalid', message, dropped: 1 });
  }

  /** An event reported after close(): told once, counted always. */
  afterClose(): void {
    this.counts.closed++;
    if (this.closedNoticeSent) return;
    this.closedNoticeSent = true;
    this.notify({ kind: 'closed', message: 'event reported after close(); dropped', dropped: 1 });
  }

  /** The oldest event pushed out of a full queue; told in one notice by `tellOverflow`. */
  overflow(): void {
    this.counts.overflow++;
    this.unreportedOverflow++;
  }

  /** One notice per flush or batch sent at most, however many events overflow in between. */
  tellOverflow(): void {
    if (this.unreportedOverflow === 0) return;
    const count = this.unreportedOverflow;
    this.unreportedOverflow = 0;
    this.notify({
      kind: 'overflow',
      message: `the in-memory queue was full (${this.maxQueue} events) and no spool could take more, so the ${count} oldest events were dropped`,
      dropped: count,
    });
  }
}
