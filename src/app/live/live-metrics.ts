import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { INCIDENT_STATUSES } from '../../core/index.ts';
import type { IngestCounts } from '../../server/index.ts';
import type { Store } from '../../store/index.ts';
import type { LivePipeline } from './live-pipeline.ts';
import type { RunningSource } from './source-runner.ts';

export interface LiveMetricsInputs {
  store: Store;
  sources: () => readonly RunningSource[];
  pipeline: () => LivePipeline;
  ingest?: IngestCounts;
  now: () => number;
}

export interface LiveMetrics {
  registry: Registry;
  /** The dispatcher's outcomes, counted as they happen. */
  deliveries: Counter<'channel' | 'result'>;
}

/**
 * Prometheus metrics, read at scrape time from the parts that count anyway (sources, pipeline,
 * store), so nothing on the event path pays for them.
 */
export function createLiveMetrics(inputs: LiveMetricsInputs): LiveMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'klaxon_process_' });
  const gauge = <L extends string>(
    name: string,
    help: string,
    labelNames: L[],
    collect: (g: Gauge<L>) => unknown,
  ) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        this.reset();
        // A store that cannot answer leaves its series out of this scrape; the scrape itself goes
        // on, so klaxon_component_up can say the store is down.
        await Promise.resolve(collect(this)).catch(() => this.reset());
      },
    });
  gauge('klaxon_source_lines_total', 'Records read per source', ['source'], (g) => {
    for (const s of inputs.sources()) g.set({ source: s.name }, s.counts.lines);
  });
  gauge('klaxon_source_events_total', 'Events parsed per source', ['source'], (g) => {
    for (const s of inputs.sources()) g.set({ source: s.name }, s.counts.events);
  });
  gauge('klaxon_source_skipped_total', 'Records skipped per source and reason', ['source', 'reason'], (g) => {
    for (const s of inputs.sources())
      for (const [reason, n] of Object.entries(s.counts.skipped)) g.set({ source: s.name, reason }, n);
  });
  gauge('klaxon_source_up', 'Whether the source is reading (1) or failing (0)', ['source', 'state'], (g) => {
    for (const s of inputs.sources())
      g.set({ source: s.name, state: s.status.state }, s.status.state === 'failing' ? 0 : 1);
  });
  gauge('klaxon_source_lag_seconds', 'How far event time of the source trails the clock', ['source'], (g) => {
    const now = inputs.now();
    for (const s of inputs.sources()) {
      const lag = s.status.lag;
      if (lag?.unit === 'seconds') g.set({ source: s.name }, lag.value);
      else if (s.status.watermark !== undefined)
        g.set({ source: s.name }, Math.max(0, (now - s.status.watermark) / 1000));
    }
  });
  gauge(
    'klaxon_source_lag_backlog',
    'Unread data per source (bytes or documents)',
    ['source', 'unit'],
    (g) => {
      for (const s of inputs.sources()) {
        const lag = s.status.lag;
        if (lag && lag.unit !== 'seconds') g.set({ source: s.name, unit: lag.unit }, lag.value);
      }
    },
  );
  gauge('klaxon_detections_total', 'Detections (opened, updated, resolved) the engine emitted', [], (g) => {
    g.set(inputs.pipeline().tally.detections);
  });
  gauge('klaxon_events_late_total', 'Events that arrived later than the reorder tolerance', [], (g) => {
    g.set(inputs.pipeline().engineStats().late);
  });
  gauge(
    'klaxon_events_future_total',
    'Events dated further ahead of the clock than detection.max_future_skew, by source',
    ['source'],
    (g) => {
      for (const [source, n] of Object.entries(inputs.pipeline().futureBySource)) g.set({ source }, n);
    },
  );
  gauge('klaxon_incidents', 'Incidents by status', ['status'], async (g) => {
    for (const status of INCIDENT_STATUSES)
      g.set({ status }, await inputs.store.incidents.count({ status: [status] }));
  });
  gauge(
    'klaxon_suppressions_total',
    'Notifications held back by noise control, by reason',
    ['reason'],
    async (g) => {
      const byReason = new Map<string, number>();
      for (const row of await inputs.store.suppressions.totals())
        byReason.set(row.reason, (byReason.get(row.reason) ?? 0) + row.count);
      for (const [reason, n] of byReason) g.set({ reason }, n);
    },
  );
  gauge(
    'klaxon_outbox_depth',
    'Notifications not yet delivered, by channel and state',
    ['channel', 'state'],
    async (g) => {
      for (const health of await inputs.store.outbox.health()) {
        g.set({ channel: health.channel, state: 'pending' }, health.pending + health.sending);
        g.set({ channel: health.channel, state: 'dead' }, health.dead);
      }
    },
  );
  gauge(
    'klaxon_outbox_oldest_age_seconds',
    'Age of the oldest undelivered notification',
    ['channel'],
    async (g) => {
      const now = inputs.now();
      for (const health of await inputs.store.outbox.health())
        g.set(
          { channel: health.channel },
          health.oldestPendingAt === undefined ? 0 : (now - health.oldestPendingAt) / 1000,
        );
    },
  );
  if (inputs.ingest) {
    const ingest = inputs.ingest;
    gauge('klaxon_ingest_events_accepted_total', 'Events the ingest API accepted', [], (g) =>
      g.set(ingest.accepted),
    );
    gauge('klaxon_ingest_requests_rejected_total', 'Ingest requests refused, by reason', ['reason'], (g) => {
      for (const [reason, n] of Object.entries(ingest.rejected)) g.set({ reason }, n);
    });
  }
  const deliveries = new Counter<'channel' | 'result'>({
    name: 'klaxon_deliveries_total',
    help: 'Delivery attempts by channel and result (sent, retry, dead)',
    labelNames: ['channel', 'result'],
    registers: [registry],
  });
  return { registry, deliveries };
}
