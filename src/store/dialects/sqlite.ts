import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { Database } from '../schema.ts';
import { AsyncMutex, acquireFileMutex } from './async-mutex.ts';
import { SqliteConnection } from './sqlite-connection.ts';
import { SqliteDriver } from './sqlite-driver.ts';

export const SQLITE_MEMORY = ':memory:';
const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (creating it when missing) a SQLite database: WAL so readers never wait for the writer,
 * synchronous=NORMAL (durable across process crashes; only a power loss can lose the last commits,
 * never corrupt the file), a busy timeout for other processes, and foreign keys enforced.
 */
export function openSqliteDatabase(file: string): Kysely<Database> {
  const db = new BetterSqlite3(file);
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
