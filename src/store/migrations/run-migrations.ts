import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { KlaxonError } from '../../core/index.ts';
import type { Database } from '../schema.ts';
import type { Migration, StoreDialect } from './migration.ts';

/** Arbitrary, fixed: the PostgreSQL advisory lock key that serializes Klaxon's migrations. */
const MIGRATION_LOCK_KEY = 7_312_842_019;

/**
 * Brings the schema up to date in one transaction and records each applied version. Safe to run
 * from several processes at once: PostgreSQL takes an advisory lock first (so only one creates the
 * tables); SQLite's write transactions start IMMEDIATE, which already excludes other writers.
 * Returns the versions applied by this call.
 */
export async function runMigrations(
  db: Kysely<Database>,
  dialect: StoreDialect,
  migrations: readonly Migration[],
  now: () => number,
): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    if (dialect === 'postgres')
      await sql`select pg_advisory_xact_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(trx);
    await trx.schema
      .createTable('klaxon_migrations')
      .ifNotExists()
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'bigint', (c) => c.notNull())
      .execute();
    const rows = await trx.selectFrom('klaxon_migrations').select('version').execute();
    const applied = new Set(rows.map((row) => Number(row.version)));
    rejectNewerSchema(applied, migrations);
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await migration.up(trx as unknown as Kysely<unknown>, dialect);
      await trx
        .insertInto('klaxon_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: now() })
        .execute();
      done.push(migration.version);
    }
    return done;
  });
}

function rejectNewerSchema(applied: ReadonlySet<number>, migrations: readonly Migration[]): void {
  const known = new Set(migrations.map((migration) => migration.version));
  const unknown = [...applied].filter((version) => !known.has(version)).sort((a, b) => a - b);
  if (unknown.length > 0) {
    throw new KlaxonError(
      'config',
      `the database has schema version ${unknown.join(', ')}, which this Klaxon does not know: it was written by a newer Klaxon`,
    );
  }
}
