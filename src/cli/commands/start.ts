import type { Command } from 'commander';
import { loadKlaxonConfig } from '../../app/load-config.ts';
import { reloadFromFile } from '../../app/live/reload-from-file.ts';
import { startLive } from '../../app/live/start-live.ts';
import type { LiveDaemon } from '../../app/live/start-live.ts';
import { redactUrl } from '../../store/index.ts';
import type { Io } from '../io.ts';

export function registerStart(
  program: Command,
  io: Io,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  program
    .command('start')
    .description(
      'run Klaxon: the sources of klaxon.yaml → detection → incidents → delivery, and the HTTP server (dashboard, API, ingest, /metrics); SIGHUP reloads rules and routes, SIGTERM stops cleanly',
    )
    .option('-c, --config <file>', 'configuration file (default ./klaxon.yaml)')
    .action(async (flags: { config?: string }) => {
      const config = await loadKlaxonConfig(flags.config);
      const live = await startLive({ config, log: (line) => io.err(line) });
      const { host, port } = live.address();
      const shown = host.includes(':') ? `[${host}]` : host;
      io.err(
        `klaxon: store ${redactUrl(config.store)}; ${live.rules().filter((rule) => rule.enabled).length} rules on`,
      );
      for (const source of live.sources) io.err(`klaxon: source ${source.name} (${source.source.type})`);
      io.err(
        `klaxon: listening on http://${shown}:${port} (dashboard, /api/v1, /healthz, /readyz, /metrics)`,
      );
      const code = await new Promise<number>((resolve) => {
        const reload = () => void reloadFromFile(live, flags.config, (line) => io.err(line));
        const stop = stopOnSignal(live, io, exit, resolve);
        process.on('SIGHUP', reload);
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      io.err('klaxon: stopped');
      // Whatever still holds the event loop (a stuck socket) must not keep a stopped daemon alive.
      exit(code);
    });
}

/** How long a signal gives the daemon to finish its turn, checkpoint and close before it exits anyway. */
const STOP_WITHIN_MS = 10_000;

/**
 * The first SIGTERM/SIGINT stops the daemon (bounded: after STOP_WITHIN_MS it exits anyway,
 * code 1); a second one exits at once (code 130).
 */
function stopOnSignal(
  live: LiveDaemon,
  io: Io,
  exit: (code: number) => void,
  done: (code: number) => void,
): () => void {
  let stopping = false;
  return () => {
    if (stopping) {
      io.err('klaxon: second signal, exiting now without a final checkpoint');
      exit(130);
      return;
    }
    stopping = true;
    io.err(
      `klaxon: stopping (checkpointing sources and detection windows, at most ${STOP_WITHIN_MS / 1000} s)`,
    );
    const timer = setTimeout(() => {
      io.err(`klaxon: not stopped within ${STOP_WITHIN_MS / 1000} s, exiting`);
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
        io.err(`klaxon: error while stopping: ${String(error)}`);
        done(1);
      },
    );
  };
}
