import type { Command } from 'commander';
import type { Logger } from '../../app/live/daemon-logger.ts';
import { chooseLogLevel, createDaemonLogger } from '../../app/live/daemon-logger.ts';
import { loadKlaxonConfig } from '../../app/load-config.ts';
import { reloadFromFile } from '../../app/live/reload-from-file.ts';
import type { LiveDaemon } from '../../app/live/start-live.ts';
import { startLive } from '../../app/live/start-live.ts';
import type { LogLevel } from '../../core/index.ts';
import { LOG_LEVELS } from '../../core/index.ts';
import { parseLogLevel } from '../options.ts';
import { redactUrl } from '../../store/index.ts';
import type { Io } from '../io.ts';

interface StartFlags {
  config?: string;
  logLevel?: LogLevel;
}

export function registerStart(
  program: Command,
  _io: Io,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
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
      const code = await new Promise<number>((resolve) => {
        const reload = () =>
          void reloadFromFile(live, flags.config, (line) => logger.warn(line.replace(/^klaxon: /, '')));
        const stop = stopOnSignal(live, logger, exit, resolve);
        process.on('SIGHUP', reload);
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      logger.info('stopped');
      logger.flush();
      // Whatever still holds the event loop (a stuck socket) must not keep a stopped daemon alive.
      exit(code);
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

/** How long a signal gives the daemon to finish its turn, checkpoint and close before it exits anyway. */
const STOP_WITHIN_MS = 10_000;

/**
 * The first SIGTERM/SIGINT stops the daemon (bounded: after STOP_WITHIN_MS it exits anyway,
 * code 1); a second one exits at once (code 130).
 */
function stopOnSignal(
  live: LiveDaemon,
  logger: Logger,
  exit: (code: number) => void,
  done: (code: number) => void,
): () => void {
  let stopping = false;
  return () => {
    if (stopping) {
      logger.warn('second signal, exiting now without a final checkpoint');
      logger.flush();
      exit(130);
      return;
    }
    stopping = true;
    logger.info(`stopping (checkpointing sources and detection windows, at most ${STOP_WITHIN_MS / 1000} s)`);
    const timer = setTimeout(() => {
      logger.error(`not stopped within ${STOP_WITHIN_MS / 1000} s, exiting`);
      logger.flush();
      exit(1);
    }, STOP_WITHIN_MS);
    timer.unref();
    void live.stop().then(
      () => {
        clearTimeout(timer);
        done(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        logger.error({ err: error }, 'error while stopping');
        done(1);
      },
    );
  };
}
