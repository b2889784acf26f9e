import type { Kysely } from 'kysely';
import { StoreError } from '../core/index.ts';
import { createStore } from './create-store.ts';
import { createPostgresPool, openPostgresDatabase } from './dialects/postgres.ts';
import { openSqliteDatabase } from './dialects/sqlite.ts';
import { MIGRATIONS, runMigrations } from './migrations/index.ts';
import type { StoreDialect } from './migrations/index.ts';
import { createRedactor, redactError } from './redact.ts';
import type { Redact } from './redact.ts';
import type { Database } from './schema.ts';
import { toStoreError } from './store-errors.ts';
import { describePostgresTarget, parseStoreUrl } from './store-url.ts';
import type { PostgresTarget, SqliteTarget } from './store-url.ts';
import type { Store } from './store.ts';

export interface OpenStoreOptions {
  /** Wall clock for the store's own records (when a migration ran); Date.now by default. */
  clock?: () => number;
}

/**
 * Opens the store a URL names and brings its schema up to date:
 * `sqlite:./klaxon.db`, `sqlite::memory:`, `postgres://user:password@host:5432/database`
 * (`postgresql://` too; `?sslmode=require|verify-full`, `?host=/socket/dir`).
 * A bad URL is a ConfigError (code `config`); a database that cannot be reached is a StoreError
 * naming host and database. No error ever holds the password.
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const target = parseStoreUrl(url);
  const now = options.clock ?? Date.now;
  return target.kind === 'sqlite' ? openSqliteStore(target, now) : openPostgresStore(target, now);
}

async function openSqliteStore(target: SqliteTarget, now: () => number): Promise<Store> {
  let db: Kysely<Database>;
  try {
    db = openSqliteDatabase(target.file);
  } catch (error) {
    throw new StoreError('open', {
      cause: new Error(`cannot open SQLite database ${target.file}: ${(error as Error).message}`),
    });
  }
  return migrateAndCreate(db, 'sqlite', now, (text) => text);
}

async function openPostgresStore(target: PostgresTarget, now: () => number): Promise<Store> {
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
  return migrateAndCreate(openPostgresDatabase(pool), 'postgres', now, redact);
}

async function migrateAndCreate(
  db: Kysely<Database>,
  dialect: StoreDialect,
  now: () => number,
  redact: Redact,
): Promise<Store> {
  try {
    await runMigrations(db, dialect, MIGRATIONS, now);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw toStoreError('migrate', error, redact);
  }
  return createStore(db, dialect, redact);
}
