import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { channelDetailOverrides, type KlaxonConfig } from '../../config/index.ts';
import type { SecurityEvent } from '../../core/index.ts';
import type { Route } from '../../routing/index.ts';
import { HeartbeatSchedule, loadSavedGroups } from '../../routing/index.ts';
import type { Rule } from '../../rules/index.ts';
import type { Store } from '../../store/index.ts';
import { openStore } from '../../store/index.ts';
import { runDeliveryLoop } from '../delivery-loop.ts';
import { configuredChannels } from '../load-config.ts';
import { loadConfiguredRules } from '../load-configured-rules.ts';
import { buildSources } from './build-sources.ts';
import { IncidentFeed } from './incident-feed.ts';
import { loadLiveCheckpoint } from './live-checkpoint.ts';
import { LivePipeline } from './live-pipeline.ts';
import type { RunningSource } from './source-runner.ts';
import { DEFAULT_WATCH_POLICY } from './watch-sources.ts';
import { LiveClock } from './live-clock.ts';
import { createLiveServer } from './live-server.ts';
import type { WatchPolicy } from './watch-sources.ts';
import { registerDashboardRoutes } from './register-dashboard-routes.ts';
import { RuleSwitches } from './rule-switches.ts';
import { createWaker } from '../../core/index.ts';

export interface LiveOptions {
  config: KlaxonConfig<Route>;
  /** Overrides `server.listen` (tests listen on port 0). */
  listen?: { host: string; port: number };
  now?: () => number;
  fetch?: typeof globalThis.fetch;
  log?: (line: string) => void;
  /** How often time advances, Klaxon looks at its sources and commits (default 250 ms). */
  tickMs?: number;
  /** How often the engine snapshot and source positions are checkpointed (default 5 s). */
  checkpointEveryMs?: number;
  /** Overrides `detection.reorder_tolerance`. */
  toleranceMs?: number;
  watchPolicy?: WatchPolicy;
  /** Extra routes on the same server (the REST API and the dashboard are always there). */
  registerRoutes?: (app: FastifyInstance, live: LiveDaemon) => Promise<void> | void;
}

export interface LiveDaemon {
  readonly store: Store;
  readonly server: FastifyInstance;
  readonly sources: readonly RunningSource[];
  readonly feed: IncidentFeed;
  readonly config: KlaxonConfig<Route>;
  pipeline(): LivePipeline;
  rules(): readonly Rule[];
  /** Where the server listens (the real port when 0 was asked for). */
  address(): { host: string; port: number };
  /** Rules and routes from a new configuration; detection windows of unchanged rules are kept. */
  reload(config: KlaxonConfig<Route>): Promise<void>;
  /** Turns a rule on or off for good (the dashboard's switch). */
  setRuleEnabled(ruleId: string, enabled: boolean, by: string): Promise<void>;
  /** An event Klaxon observed about itself (a failed dashboard login): detected like any other. */
  reportSecurityEvent(event: SecurityEvent): void;
  /** Stops reading, commits and checkpoints, lets delivery finish its round, closes everything. */
  stop(): Promise<void>;
}

/**
 * `klaxon start`: sources → detection → incidents → noise control → routing → outbox → channels,
 * and the HTTP server (operations, ingest API, and whatever `registerRoutes` adds), in one process.
 */
export async function startLive(options: LiveOptions): Promise<LiveDaemon> {
  const config = options.config;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const tickMs = options.tickMs ?? 250;
  const checkpointEvery = options.checkpointEveryMs ?? 5_000;
  const toleranceMs = options.toleranceMs ?? config.detection.toleranceMs;
  let loadedRules = await loadConfiguredRules(config);
  const store = await openStore(config.store);
  const switches = await RuleSwitches.load(store);
  let rules = switches.apply(loadedRules);
  const feed = new IncidentFeed();
  const resume = await loadLiveCheckpoint(store);
  let routes = config.routes;
  const pipeline = new LivePipeline({
    store,
    rules,
    routes,
    channelDetail: channelDetailOverrides(config.channels),
    ...(config.publicUrl !== undefined && { publicUrl: config.publicUrl }),
    toleranceMs,
    now,
    ...(resume && { resume }),
    groups: await loadSavedGroups(store),
    onCommitted: (changes) => {
      for (const change of changes) feed.publish(change);
    },
  });
  await pipeline.restoreCooldowns();
  // Commits wake the delivery loop at once; sources and the ticker sleep their own time, never cut short.
  const deliveryWaker = createWaker();
  const sleep = createWaker().sleep;
  const stopSources = new AbortController();
  const stopLoops = new AbortController();
  const built = buildSources(config.sources, {
    store,
    now,
    sleep,
    fetch: options.fetch ?? globalThis.fetch,
    positionOf: (name) => resume?.positions[name],
  });
  const running = built.running;

  let state: 'starting' | 'running' | 'stopping' = 'starting';
  const { server, metrics } = createLiveServer({
    config,
    store,
    now,
    sources: running,
    pipeline,
    journal: built.journal,
    state: () => state,
  });

  const afterBatch = async () => {
    if (!pipeline.hasPendingChanges) return;
    await pipeline.commit();
    deliveryWaker.wake();
  };
  const sourceRuns = running.map((source) =>
    source.run(pipeline, afterBatch, stopSources.signal).catch((error: unknown) => {
      source.status = {
        state: 'failing',
        message: `stopped by an internal error: ${(error as Error).message}`,
      };
      source.failingSince ??= now();
      log(`source ${source.name} stopped: ${(error as Error).stack ?? String(error)}`);
    }),
  );

  const clock = new LiveClock({
    pipeline,
    sources: running,
    store,
    now,
    toleranceMs,
    checkpointEveryMs: checkpointEvery,
    watchPolicy: options.watchPolicy ?? DEFAULT_WATCH_POLICY,
    ...(built.journal && {
      journal: { name: built.journal.name, retentionMs: config.server.ingest.retentionMs },
    }),
  });
  const tick = async () => {
    if (await clock.tick()) deliveryWaker.wake();
  };
  const ticker = (async () => {
    while (!stopLoops.signal.aborted) {
      await sleep(tickMs, stopLoops.signal);
      if (stopLoops.signal.aborted) break;
      await tick().catch((error: unknown) => log(`tick failed: ${(error as Error).message}`));
    }
  })();

  const heartbeat = config.heartbeat;
  const delivery = runDeliveryLoop({
    store,
    channels: configuredChannels(config),
    worker: `${hostname()}:${process.pid}`,
    now,
    sleep: deliveryWaker.sleep,
    signal: stopLoops.signal,
    ...(options.fetch && { fetch: options.fetch }),
    onDelivered: (notification, at) => pipeline.recordDelivered(notification, at),
    onDead: (notification) => pipeline.recordFailed(notification),
    onOutcome: (channel, outcome) =>
      metrics.deliveries.inc({ channel, result: outcome === 'retried' ? 'retry' : outcome }),
    ...(heartbeat && {
      heartbeat: {
        schedule: new HeartbeatSchedule(
          heartbeat.channels.map((channel) => ({ channel, intervalMs: heartbeat.intervalMs })),
          now(),
        ),
        ...(heartbeat.secrets.pingUrl !== undefined && { pingUrl: heartbeat.secrets.pingUrl }),
      },
    }),
  }).catch((error: unknown) => {
    log(`delivery stopped: ${(error as Error).stack ?? String(error)}`);
  });

  const daemon: LiveDaemon = {
    store,
    server,
    sources: running,
    feed,
    config,
    pipeline: () => pipeline,
    rules: () => rules,
    address() {
      const address = server.server.address();
      if (address === null || typeof address === 'string') throw new Error('the server is not listening');
      return { host: address.address, port: address.port };
    },
    async reload(next) {
      loadedRules = await loadConfiguredRules(next);
      rules = switches.apply(loadedRules);
      routes = next.routes;
      await pipeline.reload(rules, routes);
      log(`reloaded: ${rules.filter((rule) => rule.enabled).length} rules on, ${routes.length} routes`);
    },
    async setRuleEnabled(ruleId, enabled, by) {
      await switches.set(store, ruleId, enabled, by, now());
      rules = switches.apply(loadedRules);
      await pipeline.reload(rules, routes);
    },
    reportSecurityEvent(event) {
      const ts = Date.parse(event['@timestamp']);
      pipeline.push('_self', [event], [ts], null);
      void afterBatch().catch((error: unknown) => log(`commit failed: ${(error as Error).message}`));
    },
    async stop() {
      if (state === 'stopping') return;
      state = 'stopping';
      stopSources.abort();
      await Promise.all(sourceRuns);
      await pipeline.commit({ checkpoint: true });
      stopLoops.abort();
      await Promise.all([ticker, delivery]);
      await server.close();
      await store.close();
    },
  };
  await registerDashboardRoutes(server, daemon, now);
  await options.registerRoutes?.(server, daemon);
  const listen = options.listen ?? config.server.listen;
  await server.listen({ host: listen.host, port: listen.port });
  state = 'running';
  return daemon;
}
