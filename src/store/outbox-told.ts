import type { Kysely } from 'kysely';
import type { ToldChannel } from './outbox.ts';
import { withOutboxTables } from './outbox-schema.ts';
import type { Database } from './schema.ts';

/**
 * The channels that got (or are about to get) a message about the incident, by name, each with
 * the provider's id of its earliest delivered message about it, when the provider gave one.
 */
export async function findToldChannels(db: Kysely<Database>, serial: number): Promise<ToldChannel[]> {
  const rows = await withOutboxTables(db)
    .selectFrom('outbox')
    .select(['channel', 'kind', 'provider_message_id'])
    .where('incident_serial', '=', serial)
    .orderBy('channel')
    .orderBy('sequence')
    .execute();
  const told = new Map<string, ToldChannel>();
  for (const row of rows) {
    const known = told.get(row.channel) ?? { channel: row.channel };
    told.set(row.channel, known);
    if (
      known.providerMessageId === undefined &&
      row.kind !== 'person-action' &&
      row.provider_message_id !== null
    )
      known.providerMessageId = row.provider_message_id;
  }
  return [...told.values()];
}
