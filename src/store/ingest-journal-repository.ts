import type { Kysely } from 'kysely';
import type { IngestJournalRepository } from './ingest.ts';
import type { Database } from './schema.ts';

export function createIngestJournalRepository(db: Kysely<Database>): IngestJournalRepository {
  return {
    async append(batch) {
      const row = await db
        .insertInto('ingest_journal')
        .values({
          received_at: batch.receivedAt,
          token_id: batch.tokenId,
          count: batch.count,
          events_ndjson: batch.eventsNdjson,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },
    async readAfter(afterId, limit) {
      const rows = await db
        .selectFrom('ingest_journal')
        .selectAll()
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: Number(row.id),
        receivedAt: Number(row.received_at),
        tokenId: row.token_id,
        count: row.count,
        eventsNdjson: row.events_ndjson,
      }));
    },
    async prune(throughId, receivedBefore) {
      const result = await db
        .deleteFrom('ingest_journal')
        .where('id', '<=', throughId)
        .where('received_at', '<', receivedBefore)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async lastId() {
      const row = await db
        .selectFrom('ingest_journal')
        .select((eb) => eb.fn.max('id').as('last'))
        .executeTakeFirst();
      return Number(row?.last ?? 0);
    },
  };
}
