import type { Command } from 'commander';
import { configuredChannels, loadKlaxonConfig } from '../../app/load-config.ts';
import { InputError } from '../../core/index.ts';
import type { Notification } from '../../core/index.ts';
import { sendNotification } from '../../outbox/index.ts';
import type { Io } from '../io.ts';
import { formatTime } from '../output/time.ts';
import { withStore } from '../store-option.ts';

export function registerChannels(program: Command, io: Io): void {
  const channels = program.command('channels').description('the delivery channels of klaxon.yaml');
  channels
    .command('list')
    .description('configured channels and how their deliveries went')
    .option('-c, --config <file>', 'configuration file (default ./klaxon.yaml)')
    .action(async (flags: { config?: string }) => {
      const config = await loadKlaxonConfig(flags.config);
      const health = await withStore(config.store, (store) => store.outbox.health());
      for (const channel of config.channels) {
        const seen = health.find((entry) => entry.channel === channel.name);
        const last =
          seen?.lastSentAt !== undefined ? `last sent ${formatTime(seen.lastSentAt)}` : 'nothing sent yet';
        const failure = seen?.lastFailure
          ? `; last failure ${formatTime(seen.lastFailure.at)} (${seen.lastFailure.reason}): ${seen.lastFailure.message}`
          : '';
        io.out(
          `${channel.name.padEnd(16)} ${channel.type.padEnd(10)} ${(channel.detail ?? 'route').padEnd(5)} pending ${seen?.pending ?? 0}, dead ${seen?.dead ?? 0}; ${last}${failure}`,
        );
      }
    });
  channels
    .command('test')
    .description('send a test message now and say in plain words why it failed, if it did')
    .argument('<name>', 'channel name in klaxon.yaml')
    .option('-c, --config <file>', 'configuration file (default ./klaxon.yaml)')
    .action(async (name: string, flags: { config?: string }) => {
      const config = await loadKlaxonConfig(flags.config);
      const channel = configuredChannels(config).find((candidate) => candidate.name === name);
      if (!channel) {
        throw new InputError(
          `no channel "${name}" in ${config.file}; there are: ${config.channels.map((c) => c.name).join(', ')}`,
        );
      }
      const now = Date.now();
      const notification: Notification = {
        id: `test-${name}-${now}`,
        kind: 'test',
        channel: name,
        sequence: 0,
        detail: config.channels.find((c) => c.name === name)?.detail ?? 'full',
        text: 'Test message from Klaxon: if you can read this, the channel works.',
        createdAt: now,
        ...(config.publicUrl !== undefined && { dashboardUrl: config.publicUrl }),
      };
      const result = await sendNotification(channel, notification, { now: Date.now });
      if (result.kind === 'ok') {
        io.out(
          `${name}: test message delivered${result.providerMessageId ? ` (${result.providerMessageId})` : ''}`,
        );
        return;
      }
      const verdict =
        result.kind === 'retry' ? 'could not deliver the test message for now' : 'cannot deliver';
      io.err(`${name}: ${verdict} (${result.reason}): ${result.message}`);
      process.exitCode = 1;
    });
}
