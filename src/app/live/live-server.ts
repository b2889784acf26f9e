import type { FastifyInstance } from 'fastify';
import type { KlaxonConfig } from '../../config/index.ts';
import type { IngestCounts } from '../../server/index.ts';
import {
  createServer,
  createTokenResolver,
  registerIngestRoutes,
  registerOperationsRoutes,
} from '../../server/index.ts';
import type { JournalSource } from '../../sources/index.ts';
import type { Store } from '../../store/index.ts';
import type { Logger } from './daemon-logger.ts';
import type { ComponentHealth } from './component-health.ts';
import { registerComponentMetrics } from './component-metrics.ts';
import type { LiveMetrics } from './live-metrics.ts';
import type { ReadinessPolicy } from './live-readiness.ts';
import { checkReadiness } from './live-readiness.ts';
import { createLiveMetrics } from './live-metrics.ts';
import { wakeOncePerTurn } from './wake-once-per-turn.ts';
import type { LivePipeline } from './live-pipeline.ts';
import type { RunningSource } from './source-runner.ts';

export interface LiveServerParts {
  config: KlaxonConfig;
  store: Store;
  now: () => number;
  sources: readonly RunningSource[];
  pipeline: LivePipeline;
  /** The ingest journal reader, when an `http` source is configured: the ingest API wakes it. */
  journal: JournalSource | undefined;
  /** Whether the daemon is running (started and not stopping), for /readyz. */
  state: () => 'starting' | 'running' | 'stopping';
  /** How each loop is doing, for /readyz and `klaxon_component_up`. */
  health: ComponentHealth;
  readiness: ReadinessPolicy;
  logger: Logger;
}

/** The daemon's HTTP server with the ingest API (when configured), health, readiness and metrics. */
export function createLiveServer(parts: LiveServerParts): { server: FastifyInstance; metrics: LiveMetrics } {
  const { config, store, now } = parts;
  const server = createServer({
    bodyLimit: config.server.ingest.maxBodyBytes,
    trustProxy: config.server.trustProxy,
    logger: parts.logger,
    hsts: config.publicUrl?.startsWith('https:') ?? false,
  });
  let ingest: IngestCounts | undefined;
  const journal = parts.journal;
  if (journal) {
    ingest = registerIngestRoutes(server, {
      store,
      now,
      maxEventsPerRequest: config.server.ingest.maxEvents,
      rateLimit: {
        events: config.server.ingest.rateLimit.count,
        perMs: config.server.ingest.rateLimit.perMs,
      },
      onAccepted: wakeOncePerTurn(() => journal.wake()),
    });
  }
  const metrics = createLiveMetrics({
    store,
    sources: () => parts.sources,
    pipeline: () => parts.pipeline,
    now,
    ...(ingest && { ingest }),
  });
  registerComponentMetrics(metrics.registry, parts.health);
  registerOperationsRoutes(server, {
    metrics: metrics.registry,
    resolveToken: createTokenResolver(store, now),
    readiness: () =>
      checkReadiness({ store, now, health: parts.health, state: parts.state, policy: parts.readiness }),
  });
  return { server, metrics };
}
