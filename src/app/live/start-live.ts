import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { channelDetailOverrides, type KlaxonConfig } from '../../config/index.ts';
import type { SecurityEvent } from '../../core/index.ts';
import type { Route } from '../../routing/index.ts';
import { HeartbeatSchedule, loadSavedGroups } from '../../routing/index.ts';
import type { Rule } from '../../rules/index.ts';
import type { Store } from '../../store/index.ts';
import { openKlaxonStore } from '../line-evidence.ts';
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
import { ComponentHealth, reasonOf } from './component-health.ts';
import { commitAfterBatch, runTicker, superviseSource } from './live-loops.ts';
import type { ReadinessPolicy } from './live-readiness.ts';
import { DEFAULT_READINESS } from './live-readiness.ts';
import { stopLive } from './stop-live.ts';
import { startChatActions } from './start-chat-actions.ts';
import type { Logger } from './daemon-logger.ts';
import { createSilentLogger } from './daemon-logger.ts';

export interface LiveOptions {
  config: KlaxonConfig<Route>;
  /** Overrides `server.listen` (tests listen on port 0). */
  listen?: { host: string; port: number };
  now?: () => number;
  fetch?: typeof globalThis.fetch;
  /** The daemon's logger (JSON lines); default: silent. */
  logger?: Logger;
  /** How often time advances, Klaxon looks at its sources and commits (default 250 ms). */
  tickMs?: number;
  /** How often the engine snapshot and source positions are checkpointed (default 5 s). */
  checkpointEveryMs?: number;
  /** Overrides `detection.reorder_tolerance`. */
  toleranceMs?: number;
  watchPolicy?: WatchPolicy;
  /** When /readyz reports a failing source or a channel that does not drain. */
  readiness?: Partial<ReadinessPolicy>;
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
  setRuleEnabled(ruleId: string, enabled: boolean, by: string, reason: string): Promise<void>;
  /** An event Klaxon observed about itself (a failed dashboard login): detected like any other. */
  reportSecurityEvent(event: SecurityEvent): void;
  /** How each loop is doing (store, delivery, every source): what /readyz and /metrics read. */
  readonly health: ComponentHealth;
  /**
   * Stops reading, commits and checkpoints (if the store answers within a few seconds), lets
   * delivery finish its round, closes everything. Calling it again returns the same promise.
   */
  stop(): Promise<void>;
}

/**
 * `klaxon start`: sources → detection → incidents → noise control → routing → outbox → channels,
 * and the HTTP server (operations, ingest API, and whatever `registerRoutes` adds), in one process.
 */
export async function startLive(options: LiveOptions): Promise<LiveDaemon> {
  const config = options.config;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? createSilentLogger();
  const log = (line: string, level: 'info' | 'warn' | 'error' = 'warn'): void => logger[level](line);
  const tickMs = options.tickMs ?? 250;
  const checkpointEvery = options.checkpointEveryMs ?? 5_000;
  const toleranceMs = options.toleranceMs ?? config.detection.toleranceMs;
  let loadedRules = await loadConfiguredRules(config, (line) => log(line, 'info'));
  const store = await openKlaxonStore(config.store, { check: 'quick' });
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
    maxFutureMs: config.detection.maxFutureMs,
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
    logger,
  });
  const running = built.running;
  const health = new ComponentHealth(now, log);
  const loopParts = { health, sleep, now };
  for (const source of running)
    source.onStatus = (status) => {
      if (status.state === 'failing') health.retrying(`source ${source.name}`, status.message ?? 'failing');
      else health.ok(`source ${source.name}`);
    };

  let state: 'starting' | 'running' | 'stopping' = 'starting';
  let stopping: Promise<void> | undefined;
  const { server, metrics } = createLiveServer({
    config,
    store,
    now,
    sources: running,
    pipeline,
    journal: built.journal,
    state: () => state,
    health,
    readiness: { ...DEFAULT_READINESS, ...options.readiness },
    logger,
  });

  const afterBatch = commitAfterBatch(pipeline, () => deliveryWaker.wake(), health, stopSources.signal);
  const sourceRuns = running.map((source) =>
    superviseSource(source, pipeline, afterBatch, loopParts, stopSources.signal),
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
  const ticker = runTicker(clock, tickMs, () => deliveryWaker.wake(), loopParts, stopLoops.signal);

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
    onDead: (notification) => {
      logger.warn(
        { channel: notification.channel, notification: notification.id },
        'notification dead-lettered',
      );
      pipeline.recordFailed(notification);
    },
    onOutcome: (channel, outcome) =>
      metrics.deliveries.inc({ channel, result: outcome === 'retried' ? 'retry' : outcome }),
    onRound: (error) => (error === undefined ? health.ok('delivery') : health.retrying('delivery', error)),
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
    health.failed('delivery', reasonOf(error));
  });

  const reportSecurityEvent = (event: SecurityEvent): void => {
    pipeline.push('_self', [event], [Date.parse(event['@timestamp'])], null);
    void afterBatch();
  };
  const chat = startChatActions(
    config.channels,
    {
      store,
      health,
      now,
      sleep,
      fetch: options.fetch ?? globalThis.fetch,
      log,
      feed,
      reportSecurityEvent,
      personActions: {
        routes: config.routes,
        channelDetail: channelDetailOverrides(config.channels),
        ...(config.publicUrl !== undefined && { publicUrl: config.publicUrl }),
      },
    },
    server,
    stopLoops.signal,
  );

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
      loadedRules = await loadConfiguredRules(next, (line) => log(line, 'info'));
      rules = switches.apply(loadedRules);
      routes = next.routes;
      await pipeline.reload(rules, routes);
      const rulesOn = rules.filter((rule) => rule.enabled).length;
      logger.info({ rulesOn, routes: routes.length }, 'reloaded rules and routes');
    },
    async setRuleEnabled(ruleId, enabled, by, reason) {
      await switches.set(store, ruleId, enabled, by, now(), reason);
      rules = switches.apply(loadedRules);
      await pipeline.reload(rules, routes);
    },
    reportSecurityEvent,
    health,
    stop() {
      if (stopping) return stopping;
      state = 'stopping';
      stopping = stopLive({
        stopSources,
        stopLoops,
        sourceRuns,
        pipeline,
        loops: [ticker, delivery, ...chat.loops],
        server,
        store,
        log,
      });
      return stopping;
    },
  };
  await registerDashboardRoutes(server, daemon, now);
  await options.registerRoutes?.(server, daemon);
  const listen = options.listen ?? config.server.listen;
  await server.listen({ host: listen.host, port: listen.port });
  chat.startWebhooks();
  state = 'running';
  return daemon;
}
