import { Counter, Registry, collectDefaultMetrics } from 'prom-client';
import { INCIDENT_STATUSES } from '../../core/index.ts';
import type { IngestCounts } from '../../server/index.ts';
import type { Store } from '../../store/index.ts';
import type { LivePipeline } from './live-pipeline.ts';
import { MetricFamilies } from './metric-families.ts';
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

/** The one prefix of every series, process and Node.js metrics included. */
export const METRIC_PREFIX = 'klaxon_';

/**
 * Prometheus metrics by the book: one prefix, counters end in `_total`, units in the name, and
 * labels only of bounded sets (configured source and channel names, fixed reasons and states;
 * never a user, an address or a rule's group value). Every name is set here, in one place.
 */
export function createLiveMetrics(inputs: LiveMetricsInputs): LiveMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  // prom-client's sums of the active_* gauges are gauges named `_total`, which Prometheus reads
  // as counters; the per-type gauges beside them say the same, so the sums go.
  for (const kind of ['resources', 'handles', 'requests'])
    registry.removeSingleMetric(`${METRIC_PREFIX}nodejs_active_${kind}_total`);
  const families = new MetricFamilies(registry);
  addSourceMetrics(families, inputs);
  addPipelineMetrics(families, inputs);
  addOutboxMetrics(families, inputs);
  if (inputs.ingest) addIngestMetrics(families, inputs.ingest);
  const deliveries = new Counter<'channel' | 'result'>({
    name: 'klaxon_deliveries_total',
    help: 'Delivery attempts by channel and result (sent, retry, dead)',
    labelNames: ['channel', 'result'],
    registers: [registry],
  });
  return { registry, deliveries };
}

function addSourceMetrics(families: MetricFamilies, inputs: LiveMetricsInputs): void {
  const perSource = (count: (source: RunningSource) => number) => () =>
    inputs.sources().map((s): [{ source: string }, number] => [{ source: s.name }, count(s)]);
  families.counter(
    'klaxon_source_lines_total',
    'Records read per source',
    ['source'],
    perSource((s) => s.counts.lines),
  );
  families.counter(
    'klaxon_source_events_total',
    'Events parsed per source',
    ['source'],
    perSource((s) => s.counts.events),
  );
  families.counter(
    'klaxon_source_skipped_total',
    'Records skipped per source and reason',
    ['source', 'reason'],
    () =>
      inputs
        .sources()
        .flatMap((s) =>
          Object.entries(s.counts.skipped).map(
            ([reason, n]): [{ source: string; reason: string }, number] => [{ source: s.name, reason }, n],
          ),
        ),
  );
  families.gauge('klaxon_source_up', 'Whether the source is reading (1) or failing (0)', ['source'], (g) => {
    for (const s of inputs.sources()) g.set({ source: s.name }, s.status.state === 'failing' ? 0 : 1);
  });
  families.gauge(
    'klaxon_source_lag_seconds',
    'How far event time of the source trails the clock',
    ['source'],
    (g) => {
      const now = inputs.now();
      for (const s of inputs.sources()) {
        const lag = s.status.lag;
        if (lag?.unit === 'seconds') g.set({ source: s.name }, lag.value);
        else if (s.status.watermark !== undefined)
          g.set({ source: s.name }, Math.max(0, (now - s.status.watermark) / 1000));
      }
    },
  );
  for (const unit of ['bytes', 'documents'] as const) {
    families.gauge(`klaxon_source_backlog_${unit}`, `Unread ${unit} per source`, ['source'], (g) => {
      for (const s of inputs.sources())
        if (s.status.lag?.unit === unit) g.set({ source: s.name }, s.status.lag.value);
    });
  }
}

function addPipelineMetrics(families: MetricFamilies, inputs: LiveMetricsInputs): void {
  families.counter(
    'klaxon_detections_total',
    'Detections (opened, updated, resolved) the engine emitted',
    [],
    () => [[{}, inputs.pipeline().tally.detections]],
  );
  families.counter(
    'klaxon_events_late_total',
    'Events that arrived later than the reorder tolerance',
    [],
    () => [[{}, inputs.pipeline().engineStats().late]],
  );
  families.counter(
    'klaxon_events_future_total',
    'Events dated further ahead of the clock than detection.max_future_skew, by source',
    ['source'],
    () => Object.entries(inputs.pipeline().futureBySource).map(([source, n]) => [{ source }, n]),
  );
  families.gauge('klaxon_incidents', 'Incidents by status', ['status'], async (g) => {
    for (const status of INCIDENT_STATUSES)
      g.set({ status }, await inputs.store.incidents.count({ status: [status] }));
  });
  families.counter(
    'klaxon_suppressions_total',
    'Notifications held back by noise control, by reason',
    ['reason'],
    async () => {
      const byReason = new Map<string, number>();
      for (const row of await inputs.store.suppressions.totals())
        byReason.set(row.reason, (byReason.get(row.reason) ?? 0) + row.count);
      return [...byReason].map(([reason, n]): [{ reason: string }, number] => [{ reason }, n]);
    },
  );
}

function addOutboxMetrics(families: MetricFamilies, inputs: LiveMetricsInputs): void {
  families.gauge(
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
  families.gauge(
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
}

function addIngestMetrics(families: MetricFamilies, ingest: IngestCounts): void {
  families.counter('klaxon_ingest_events_accepted_total', 'Events the ingest API accepted', [], () => [
    [{}, ingest.accepted],
  ]);
  families.counter(
    'klaxon_ingest_requests_rejected_total',
    'Ingest requests refused, by reason',
    ['reason'],
    () => Object.entries(ingest.rejected).map(([reason, n]): [{ reason: string }, number] => [{ reason }, n]),
  );
}
