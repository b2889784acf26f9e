import type { Command } from 'commander';
import type { OutboxEntry, OutboxState } from '../../store/index.ts';
import { OUTBOX_STATES } from '../../store/index.ts';
import type { Io } from '../io.ts';
import { formatTime } from '../output/time.ts';
import { withStore } from '../store-option.ts';
import { configuredStore, CONFIG_FLAG_HELP, STORE_FLAG_HELP } from '../configured-store.ts';

export function registerOutbox(program: Command, io: Io): void {
  const outbox = program
    .command('outbox')
    .description('the durable queue of notifications: see, retry, drop');
  outbox
    .command('list')
    .description('notifications in the outbox, with their state and last error')
    .option('--channel <name>', 'only this channel')
    .option('--state <list>', `comma-separated: ${OUTBOX_STATES.join(', ')}`)
    .option('--limit <n>', 'at most this many', (text) => Number.parseInt(text, 10), 100)
    .option('--store <url>', STORE_FLAG_HELP)
    .option('-c, --config <file>', CONFIG_FLAG_HELP)
    .option('--json', 'one JSON object per line')
    .action(
      async (flags: {
        channel?: string;
        state?: string;
        limit: number;
        store?: string;
        config?: string;
        json?: boolean;
      }) => {
        await withStore(await configuredStore(flags), async (store) => {
          const states = flags.state
            ?.split(',')
            .filter((state): state is OutboxState => (OUTBOX_STATES as readonly string[]).includes(state));
          const entries = await store.outbox.list({
            ...(flags.channel && { channel: flags.channel }),
            ...(states && { state: states }),
            limit: flags.limit,
          });
          if (flags.json) for (const entry of entries) io.out(JSON.stringify(entry));
          else io.out(entries.length === 0 ? 'The outbox is empty.' : entries.map(describeEntry).join('\n'));
        });
      },
    );
  outbox
    .command('retry')
    .description('send a dead-lettered notification again')
    .argument('<id>', 'notification id')
    .option('--store <url>', STORE_FLAG_HELP)
    .option('-c, --config <file>', CONFIG_FLAG_HELP)
    .action(async (id: string, flags: { store?: string; config?: string }) => {
      await withStore(await configuredStore(flags), async (store) => {
        await store.outbox.retry(id, Date.now());
        io.out(`${id} queued again`);
      });
    });
  outbox
    .command('drop')
    .description('remove a pending or dead notification')
    .argument('<id>', 'notification id')
    .option('--store <url>', STORE_FLAG_HELP)
    .option('-c, --config <file>', CONFIG_FLAG_HELP)
    .action(async (id: string, flags: { store?: string; config?: string }) => {
      await withStore(await configuredStore(flags), async (store) => {
        await store.outbox.drop(id);
        io.out(`${id} dropped`);
      });
    });
}

function describeEntry(entry: OutboxEntry): string {
  const { notification } = entry;
  const about = notification.incident
    ? `#${notification.incident.serial} ${notification.kind}`
    : notification.kind;
  const error = entry.lastError ? `  last error (${entry.lastReason ?? '?'}): ${entry.lastError}` : '';
  const when =
    entry.state === 'sent' && entry.sentAt !== undefined
      ? `sent ${formatTime(entry.sentAt)}`
      : `next ${formatTime(entry.nextAttemptAt)}`;
  return `${notification.id}  ${notification.channel.padEnd(14)} #${String(notification.sequence).padEnd(5)} ${entry.state.padEnd(8)} ${about.padEnd(18)} attempts ${entry.attempts}  ${when}${error}`;
}
