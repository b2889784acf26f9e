import type { Command } from 'commander';
import { hostname } from 'node:os';
import { configuredChannels, loadKlaxonConfig } from '../../app/load-config.ts';
import { Dispatcher } from '../../outbox/index.ts';
import type { Io } from '../io.ts';
import { withStore } from '../store-option.ts';
import { parseTolerance } from '../options.ts';

export function registerDeliver(program: Command, io: Io): void {
  program
    .command('deliver')
    .description(
      'deliver what is due in the outbox now (one pass per channel until nothing is due), then stop',
    )
    .option('-c, --config <file>', 'configuration file (default ./klaxon.yaml)')
    .option(
      '--lease <duration>',
      'how long a claimed notification is reserved for this process; after a crash, others take it over then (default 60s)',
      parseTolerance,
    )
    .action(async (flags: { config?: string; lease?: number }) => {
      const config = await loadKlaxonConfig(flags.config);
      await withStore(config.store, async (store) => {
        const dispatcher = new Dispatcher({
          store,
          channels: configuredChannels(config),
          worker: `${hostname()}:${process.pid}`,
          now: Date.now,
          ...(flags.lease !== undefined && { leaseMs: flags.lease }),
        });
        const total = { sent: 0, retried: 0, dead: 0 };
        for (;;) {
          const pass = await dispatcher.runOnce();
          total.sent += pass.sent;
          total.retried += pass.retried;
          total.dead += pass.dead;
          if (pass.sent + pass.retried + pass.dead === 0) break;
        }
        io.out(`delivered ${total.sent}, to retry later ${total.retried}, dead-lettered ${total.dead}`);
      });
    });
}
