import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database as SqliteHandle } from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { Database } from '../schema.ts';
import { AsyncMutex, acquireFileMutex } from './async-mutex.ts';
import { SqliteConnection } from './sqlite-connection.ts';
import { SqliteDriver } from './sqlite-driver.ts';
import { createPrivateDatabase, inspectSqliteFile, refuseStore, tightenStoreModes } from './sqlite-file.ts';

export const SQLITE_MEMORY = ':memory:';
const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens a SQLite database, creating it (mode 0600, so its WAL and SHM files are 0600 too) only
 * where no file exists (or over an empty one with `replaceEmpty`): an existing file that is empty, not SQLite, or SQLite without Klaxon's
 * migration table is refused, never opened as a new store. WAL so readers never wait for the
 * writer, synchronous=NORMAL (durable across process crashes; only a power loss can lose the last
 * commits, never corrupt the file), a busy timeout for other processes, and foreign keys enforced.
 */
export function openSqliteDatabase(file: string, options: { replaceEmpty?: boolean } = {}): Kysely<Database> {
  const db =
    file === SQLITE_MEMORY ? new BetterSqlite3(file) : openSqliteFile(file, options.replaceEmpty === true);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (file !== SQLITE_MEMORY && db.pragma('journal_mode', { simple: true }) !== 'wal')
    db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const shared =
    file === SQLITE_MEMORY ? { mutex: new AsyncMutex(), dispose: () => {} } : acquireFileMutex(resolve(file));
  const connection = new SqliteConnection(db);
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new SqliteDriver(connection, shared.mutex, shared.dispose),
      createQueryCompiler: () => new SqliteQueryCompiler(),
      createIntrospector: (kysely) => new SqliteIntrospector(kysely),
    },
  });
}

function openSqliteFile(file: string, replaceEmpty: boolean): SqliteHandle {
  if (inspectSqliteFile(file, replaceEmpty) === 'missing') createPrivateDatabase(file);
  else tightenStoreModes(file);
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    rejectForeignDatabase(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A database with tables but no klaxon_migrations belongs to another application. */
function rejectForeignDatabase(db: SqliteHandle, file: string): void {
  let tables: string[];
  try {
    tables = db
      .prepare<[], { name: string }>("select name from sqlite_master where type = 'table'")
      .all()
      .map((row) => row.name);
  } catch (error) {
    throw refuseStore(file, `cannot be read as a SQLite database (${(error as Error).message})`);
  }
  if (tables.length > 0 && !tables.includes('klaxon_migrations'))
    throw refuseStore(
      file,
      `is a SQLite database without Klaxon's tables (it holds ${describeTables(tables)})`,
    );
}

function describeTables(tables: string[]): string {
  const shown = tables.slice(0, 3).join(', ');
  return tables.length > 3 ? `${shown} and ${tables.length - 3} more tables` : shown;
}
