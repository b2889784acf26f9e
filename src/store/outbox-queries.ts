import type { Kysely } from 'kysely';
import { InputError } from '../core/index.ts';
import type { OutboxEntry, OutboxFilter } from './outbox.ts';
import { toOutboxEntry } from './outbox-row.ts';
import { withOutboxTables } from './outbox-schema.ts';
import type { Database } from './schema.ts';

export async function getEntry(db: Kysely<Database>, id: string): Promise<OutboxEntry | undefined> {
  const row = await withOutboxTables(db)
    .selectFrom('outbox')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toOutboxEntry(row);
}

/** Entries matching every given criterion, newest first. */
export async function listEntries(db: Kysely<Database>, filter: OutboxFilter = {}): Promise<OutboxEntry[]> {
  const { limit } = filter;
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0))
    throw new InputError(`outbox list limit must be a whole number of at least 0, not ${limit}`);
  let query = withOutboxTables(db).selectFrom('outbox').selectAll();
  if (filter.channel !== undefined) query = query.where('channel', '=', filter.channel);
  if (filter.state !== undefined && filter.state.length > 0) query = query.where('state', 'in', filter.state);
  query = query.orderBy('created_at', 'desc').orderBy('channel').orderBy('sequence', 'desc');
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  return rows.map(toOutboxEntry);
}

/**
 * Channels with an entry due at `now` (pending and due, or sending with an ended lease), and the
 * earliest due time among the other channels' undelivered entries.
 */
export async function findDue(
  db: Kysely<Database>,
  now: number,
): Promise<{ channels: string[]; nextAt?: number }> {
  const rows = await withOutboxTables(db)
    .selectFrom('outbox')
    .select((eb) => ['channel', eb.fn.min('next_attempt_at').as('due_at')])
    .where('state', 'in', ['pending', 'sending'])
    .groupBy('channel')
    .orderBy('channel')
    .execute();
  const channels: string[] = [];
  let nextAt: number | undefined;
  for (const row of rows) {
    const dueAt = Number(row.due_at);
    if (dueAt <= now) channels.push(row.channel);
    else if (nextAt === undefined || dueAt < nextAt) nextAt = dueAt;
  }
  return nextAt === undefined ? { channels } : { channels, nextAt };
}

/** For each of these incidents with a delivered notification: when the latest one was delivered. */
export async function findLastSent(
  db: Kysely<Database>,
  serials: readonly number[],
): Promise<Map<number, number>> {
  const last = new Map<number, number>();
  if (serials.length === 0) return last;
  const rows = await withOutboxTables(db)
    .selectFrom('outbox')
    .select((eb) => ['incident_serial', eb.fn.max('sent_at').as('sent_at')])
    .where('state', '=', 'sent')
    .where('incident_serial', 'in', [...serials])
    // A person's action told to the channels is not the engine's notification: no cooldown from it.
    .where('kind', '!=', 'person-action')
    .groupBy('incident_serial')
    .execute();
  for (const row of rows)
    if (row.incident_serial !== null && row.sent_at !== null)
      last.set(Number(row.incident_serial), Number(row.sent_at));
  return last;
}
