import type { Command } from 'commander';
import { loadKlaxonConfig } from '../../app/load-config.ts';
import { reloadFromFile } from '../../app/live/reload-from-file.ts';
import { startLive } from '../../app/live/start-live.ts';
import { redactUrl } from '../../store/index.ts';
import type { Io } from '../io.ts';

export function registerStart(program: Command, io: Io): void {
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
      await new Promise<void>((resolve) => {
        const reload = () => void reloadFromFile(live, flags.config, (line) => io.err(line));
        const stop = () => {
          process.off('SIGHUP', reload);
          io.err('klaxon: stopping (checkpointing sources and detection windows)');
          void live.stop().then(resolve, (error: unknown) => {
            io.err(`klaxon: error while stopping: ${String(error)}`);
            resolve();
          });
        };
        process.on('SIGHUP', reload);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      io.err('klaxon: stopped');
    });
}
