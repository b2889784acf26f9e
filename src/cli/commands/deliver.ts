import type { Command } from 'commander';
import { createWaker } from '../../core/index.ts';
import { hostname } from 'node:os';
import { configuredChannels, loadKlaxonConfig } from '../../app/load-config.ts';
import { Dispatcher } from '../../outbox/index.ts';
import { runDeliveryLoop } from '../../app/delivery-loop.ts';
import { HeartbeatSchedule } from '../../routing/index.ts';
import { redactUrl } from '../../store/index.ts';
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
    .option(
      '--watch',
      'keep running (until Ctrl-C or SIGTERM): deliver as notifications come, heartbeats and heartbeat pings',
    )
    .action(async (flags: { config?: string; lease?: number; watch?: boolean }) => {
      const config = await loadKlaxonConfig(flags.config);
      if (flags.watch) {
        await watch(config, flags.lease, io);
        return;
      }
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

async function watch(
  config: Awaited<ReturnType<typeof loadKlaxonConfig>>,
  leaseMs: number | undefined,
  io: Io,
): Promise<void> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const heartbeat = config.heartbeat;
  try {
    await withStore(config.store, async (store) => {
      io.err(`delivering from ${redactUrl(config.store)}; Ctrl-C to stop`);
      const total = await runDeliveryLoop({
        store,
        channels: configuredChannels(config),
        worker: `${hostname()}:${process.pid}`,
        now: Date.now,
        sleep: createWaker().sleep,
        signal: stop.signal,
        ...(leaseMs !== undefined && { leaseMs }),
        ...(heartbeat && {
          heartbeat: {
            schedule: new HeartbeatSchedule(
              heartbeat.channels.map((channel) => ({ channel, intervalMs: heartbeat.intervalMs })),
              Date.now(),
            ),
            ...(heartbeat.secrets.pingUrl !== undefined && { pingUrl: heartbeat.secrets.pingUrl }),
          },
        }),
      });
      io.out(`delivered ${total.sent}, to retry later ${total.retried}, dead-lettered ${total.dead}`);
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
