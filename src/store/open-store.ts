import { KlaxonError } from '../core/index.ts';
import type { ParseEvidenceLine } from '../core/index.ts';
import { createStore } from './create-store.ts';
import { MIGRATIONS, runMigrations } from './migrations/index.ts';
import { openDatabase } from './open-database.ts';
import type { OpenDatabase } from './open-database.ts';
import { runStoreChecks } from './store-checks.ts';
import type { IntegrityLevel } from './store-checks.ts';
import { toStoreError } from './store-errors.ts';
import { parseStoreUrl } from './store-url.ts';
import type { Store } from './store.ts';

export interface OpenStoreOptions {
  /** Wall clock for the store's own records (when a migration ran); Date.now by default. */
  clock?: () => number;
  /** Check the schema, tables and (SQLite) pages after migrating; a failure refuses the store. */
  check?: IntegrityLevel;
  /** Create the store also over an empty (0-byte) SQLite file: only on a person's explicit request. */
  replaceEmpty?: boolean;
  /**
   * What evidence stored as its line (a replay's, see LineEvidence) is parsed whole with when read;
   * without it, such evidence reads back as its line, time and the few fields stored beside it.
   */
  evidence?: ParseEvidenceLine | undefined;
}

/**
 * Opens the store a URL names and brings its schema up to date:
 * `sqlite:./klaxon.db`, `sqlite::memory:`, `postgres://user:password@host:5432/database`
 * (`postgresql://` too; `?sslmode=require|verify-full`, `?host=/socket/dir`).
 * A bad URL is a ConfigError (code `config`); a database that cannot be reached is a StoreError
 * naming host and database; an existing SQLite file that is not a Klaxon store is refused (code
 * `store`), never replaced. No error ever holds the password.
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const opened = await openDatabase(parseStoreUrl(url), options.replaceEmpty === true);
  const { db, dialect, redact } = opened;
  try {
    await runMigrations(db, dialect, MIGRATIONS, options.clock ?? Date.now);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw toStoreError('migrate', error, redact);
  }
  if (options.check !== undefined) await refuseIfDamaged(opened, options.check);
  return createStore(db, dialect, redact, options.evidence);
}

async function refuseIfDamaged(opened: OpenDatabase, level: IntegrityLevel): Promise<void> {
  const failed = (await runStoreChecks(opened.db, opened.dialect, level)).filter((check) => !check.ok);
  if (failed.length === 0) return;
  await opened.db.destroy().catch(() => {});
  const why = failed.map((check) => `${check.name}: ${opened.redact(check.detail)}`).join('; ');
  throw new KlaxonError(
    'store',
    `the store failed its check (${why}); run klaxon store check, and restore the store from a backup`,
  );
}
