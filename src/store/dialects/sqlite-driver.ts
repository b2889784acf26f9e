import type { DatabaseConnection, Driver } from 'kysely';
import type { AsyncMutex } from './async-mutex.ts';
import type { SqliteConnection } from './sqlite-connection.ts';

/**
 * Kysely driver over one better-sqlite3 connection. Transactions begin IMMEDIATE: a write
 * transaction takes SQLite's write lock at its start, so two writers queue on busy_timeout instead
 * of one failing with SQLITE_BUSY when it upgrades a read lock (WAL mode does not retry that).
 */
export class SqliteDriver implements Driver {
  private release: (() => void) | undefined;

  constructor(
    private readonly connection: SqliteConnection,
    private readonly mutex: AsyncMutex,
    private readonly onDestroy: () => void,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    this.release = await this.mutex.lock();
    return this.connection;
  }

  async beginTransaction(): Promise<void> {
    this.connection.execute('begin immediate');
  }

  async commitTransaction(): Promise<void> {
    this.connection.execute('commit');
  }

  async rollbackTransaction(): Promise<void> {
    // A failed statement may have rolled back already; a second rollback would hide the first error.
    if (this.connection.db.inTransaction) this.connection.execute('rollback');
  }

  async releaseConnection(): Promise<void> {
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    if (this.connection.db.open) this.connection.db.close();
    this.onDestroy();
  }
}
