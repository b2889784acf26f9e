import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.ts';

const INT8_OID = 20;
const POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 10_000;

export interface PostgresConnection {
  host: string;
  port: number;
  database: string;
  user?: string;
  password?: string;
  ssl?: { rejectUnauthorized: boolean };
}

/**
 * A pool for one PostgreSQL database. BIGINT columns (epoch milliseconds, counts) are read as
 * numbers: they stay far below 2^53. The parser is set on this pool only, not on pg globally.
 */
export function createPostgresPool(connection: PostgresConnection): pg.Pool {
  const pool = new pg.Pool({
    ...connection,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'klaxon',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID && format !== 'binary'
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection that breaks (server restart) must not crash the process: the next query reports it.
  pool.on('error', () => {});
  return pool;
}

export function openPostgresDatabase(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
