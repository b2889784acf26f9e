import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.ts';

const INT8_OID = 20;
const POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 5_000;
/** A query on a connection that went silent (a cut link, no RST) fails after this, and is retried. */
const QUERY_TIMEOUT_MS = 30_000;

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
    query_timeout: QUERY_TIMEOUT_MS,
    keepAlive: true,
    application_name: 'klaxon',
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID && format !== 'binary'
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A connection that breaks (server restart, cut link) must not crash the process: the next query
  // on it fails and reports it, and the pool then drops it (a client no longer queryable is never
  // reused). 'error' on the pool covers idle clients; a checked-out client between two queries of
  // a transaction emits it on itself, with no listener unless we add one.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

export function openPostgresDatabase(pool: pg.Pool): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
