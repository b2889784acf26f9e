import type { Kysely } from 'kysely';
import { KlaxonError, StoreError } from '../core/index.ts';
import { createPostgresPool, openPostgresDatabase } from './dialects/postgres.ts';
import { openSqliteDatabase } from './dialects/sqlite.ts';
import type { StoreDialect } from './migrations/index.ts';
import { createRedactor, redactError } from './redact.ts';
import type { Redact } from './redact.ts';
import type { Database } from './schema.ts';
import { describePostgresTarget } from './store-url.ts';
import type { PostgresTarget, StoreTarget } from './store-url.ts';

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: StoreDialect;
  redact: Redact;
}

/** Connects to the database a target names, without touching its schema. */
export async function openDatabase(target: StoreTarget, replaceEmpty = false): Promise<OpenDatabase> {
  if (target.kind === 'postgres') return openPostgres(target);
  try {
    return {
      db: openSqliteDatabase(target.file, { replaceEmpty }),
      dialect: 'sqlite',
      redact: (text) => text,
    };
  } catch (error) {
    if (error instanceof KlaxonError) throw error;
    throw new StoreError('open', {
      cause: new Error(`cannot open SQLite database ${target.file}: ${(error as Error).message}`),
    });
  }
}

async function openPostgres(target: PostgresTarget): Promise<OpenDatabase> {
  const redact = createRedactor(target.password);
  const pool = createPostgresPool(target);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    const cause = redactError(error, redact);
    const reason = new Error(`cannot connect to ${describePostgresTarget(target)}: ${cause.message}`, {
      cause,
    });
    const code = (error as { code?: unknown }).code;
    if (code !== undefined) Object.assign(reason, { code });
    throw new StoreError('connect', { cause: reason });
  }
  return { db: openPostgresDatabase(pool), dialect: 'postgres', redact };
}
