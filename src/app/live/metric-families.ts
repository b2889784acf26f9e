import { Counter, Gauge, type Registry } from 'prom-client';

type Collect<T> = (metric: T) => unknown;

/**
 * Metric families read at scrape time from totals the parts keep anyway. A counter is rebuilt
 * from its running total at each scrape (reset, then one `inc` by the total), so it stays a
 * counter to Prometheus and nothing on the event path pays for it.
 */
export class MetricFamilies {
  constructor(private readonly registry: Registry) {}

  /** A monotonic total; the name must end in `_total`. */
  counter<L extends string>(
    name: `klaxon_${string}_total`,
    help: string,
    labelNames: L[],
    totals: () =>
      | Iterable<[Partial<Record<L, string>>, number]>
      | Promise<Iterable<[Partial<Record<L, string>>, number]>>,
  ): Counter<L> {
    return new Counter<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        // A store that cannot answer leaves its series out of this scrape; the scrape itself goes
        // on, so klaxon_component_up can say the store is down.
        const values = await Promise.resolve()
          .then(totals)
          .catch(() => []);
        for (const [labels, value] of values) this.inc(labels, value);
      },
    });
  }

  /** A value that goes up and down; never `_total`. */
  gauge<L extends string>(
    name: `klaxon_${string}`,
    help: string,
    labelNames: L[],
    collect: Collect<Gauge<L>>,
  ): Gauge<L> {
    if (name.endsWith('_total')) throw new Error(`gauge ${name} must not end in _total`);
    return new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        await Promise.resolve()
          .then(() => collect(this))
          .catch(() => this.reset());
      },
    });
  }
}
