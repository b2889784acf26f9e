import type { Command } from 'commander';
import type { Logger } from '../../app/live/daemon-logger.ts';
import { chooseLogLevel, createDaemonLogger } from '../../app/live/daemon-logger.ts';
import { loadKlaxonConfig } from '../../app/load-config.ts';
import type { LiveDaemon } from '../../app/live/start-live.ts';
import { startLive } from '../../app/live/start-live.ts';
import type { LogLevel } from '../../core/index.ts';
import { KlaxonError, LOG_LEVELS } from '../../core/index.ts';
import { parseLogLevel } from '../options.ts';
import { redactUrl } from '../../store/index.ts';
import type { Io } from '../io.ts';

interface StartFlags {
  config?: string;
  logLevel?: LogLevel;
}

export function registerStart(program: Command, _io: Io): void {
  program
    .command('start')
    .description(
      'run Klaxon: the sources of klaxon.yaml → detection → incidents → delivery, and the HTTP server (dashboard, API, ingest, /metrics); SIGHUP reloads rules and routes, SIGTERM stops cleanly; logs JSON lines on standard output',
    )
    .option('-c, --config <file>', 'configuration file (default ./klaxon.yaml)')
    .option(
      '--log-level <level>',
      `${LOG_LEVELS.join(' | ')} (default: server.log_level, else info)`,
      parseLogLevel,
    )
    .action(async (flags: StartFlags) => {
      const config = await loadKlaxonConfig(flags.config);
      const logger = createDaemonLogger({ level: chooseLogLevel(flags.logLevel, config.server.logLevel) });
      const live = await startLive({ config, logger });
      logStarted(live, logger);
      await runUntilStopped(live, logger, flags.config);
      logger.info('stopped');
    });
}

function logStarted(live: LiveDaemon, logger: Logger): void {
  const { host, port } = live.address();
  const shown = host.includes(':') ? `[${host}]` : host;
  logger.info(
    {
      store: redactUrl(live.config.store),
      rulesOn: live.rules().filter((rule) => rule.enabled).length,
      sources: live.sources.map((source) => ({ name: source.name, type: source.source.type })),
      url: `http://${shown}:${port}`,
    },
    'started: dashboard, /api/v1, /healthz, /readyz, /metrics',
  );
}

function runUntilStopped(live: LiveDaemon, logger: Logger, configFile: string | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    const reload = () => {
      loadKlaxonConfig(configFile)
        .then((next) => live.reload(next))
        .catch((error: unknown) => {
          const why = error instanceof KlaxonError ? error.message : String(error);
          logger.warn({ reason: why }, 'reload refused, keeping the running configuration');
        });
    };
    const stop = () => {
      process.off('SIGHUP', reload);
      logger.info('stopping (checkpointing sources and detection windows)');
      void live.stop().then(resolve, (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        resolve();
      });
    };
    process.on('SIGHUP', reload);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
