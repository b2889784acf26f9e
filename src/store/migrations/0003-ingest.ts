import type { Kysely } from 'kysely';
import type { Migration, StoreDialect } from './migration.ts';

/**
 * The HTTP ingest API: bearer tokens (only their SHA-256 is kept) and the journal that makes
 * accepted events durable before the API answers 2xx. The live pipeline reads the journal in id
 * order and checkpoints the last id it committed.
 */
export const ingestMigration: Migration = {
  version: 3,
  name: 'ingest',
  async up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('hash', 'text', (c) => c.notNull().unique())
      .addColumn('scopes_json', 'text', (c) => c.notNull())
      .addColumn('service', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'bigint')
      .addColumn('revoked_at', 'bigint')
      .execute();

    await db.schema
      .createTable('ingest_journal')
      .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('token_id', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      // One row per request: the accepted events as NDJSON, one write however large the batch.
      .addColumn('events_ndjson', 'text', (c) => c.notNull())
      .execute();
  },
};
