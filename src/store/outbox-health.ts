import type { Kysely } from 'kysely';
import type { ChannelHealth, OutboxFailureReason } from './outbox.ts';
import { withOutboxTables } from './outbox-schema.ts';
import type { Database } from './schema.ts';

/**
 * Per channel, by name: counts of undelivered and dead entries (sent rows are not scanned) and the
 * latest outcomes. A channel shows once it has had an entry or an outcome.
 */
export async function readChannelHealth(db: Kysely<Database>): Promise<ChannelHealth[]> {
  const outbox = withOutboxTables(db);
  const counts = await outbox
    .selectFrom('outbox')
    .select((eb) => ['channel', 'state', eb.fn.countAll().as('count'), eb.fn.min('created_at').as('oldest')])
    .where('state', 'in', ['pending', 'sending', 'dead'])
    .groupBy(['channel', 'state'])
    .execute();
  const outcomes = await outbox.selectFrom('outbox_channels').selectAll().execute();
  const byChannel = new Map<string, ChannelHealth>();
  const healthOf = (channel: string): ChannelHealth => {
    let health = byChannel.get(channel);
    if (health === undefined) {
      health = { channel, pending: 0, sending: 0, dead: 0 };
      byChannel.set(channel, health);
    }
    return health;
  };
  for (const row of counts) {
    const health = healthOf(row.channel);
    const count = Number(row.count);
    if (row.state === 'dead') {
      health.dead = count;
      continue;
    }
    if (row.state === 'pending') health.pending = count;
    else health.sending = count;
    const oldest = Number(row.oldest);
    if (health.oldestPendingAt === undefined || oldest < health.oldestPendingAt)
      health.oldestPendingAt = oldest;
  }
  for (const row of outcomes) {
    const health = healthOf(row.channel);
    if (row.last_sent_at !== null) health.lastSentAt = Number(row.last_sent_at);
    if (row.last_failed_at !== null) {
      health.lastFailure = {
        at: Number(row.last_failed_at),
        reason: row.last_failed_reason as OutboxFailureReason,
        message: row.last_failed_message ?? '',
      };
    }
  }
  return [...byChannel.values()].sort((a, b) => (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
}
