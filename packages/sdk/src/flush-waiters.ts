/** flush() calls waiting until every event up to their sequence number is delivered or dropped. */
export class FlushWaiters {
  private waiters: { seq: number; resolve: () => void }[] = [];

  /** Resolves once `release` is called with a first unsettled sequence number above `seq`. */
  wait(seq: number): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ seq, resolve }));
  }

  release(firstUnsettled: number): void {
    const done = this.waiters.filter((waiter) => waiter.seq < firstUnsettled);
    if (done.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => waiter.seq >= firstUnsettled);
    for (const waiter of done) waiter.resolve();
  }
}
