import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryPostgres, startPostgres } from '../../test/support/postgres.ts';
import type { TestPostgres } from '../../test/support/postgres.ts';
import { StoreError } from '../core/index.ts';
import { openStore } from './index.ts';
import { DOCUMENT_COLUMNS } from './migrations/0014-lz4-documents.ts';
import { everythingShownBy } from './contract/everything-shown.ts';
import { describeStoreContract } from './store.contract.ts';

let cluster: TestPostgres | undefined;
let databases = 0;
let url = '';

beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  await cluster?.stop();
});
beforeEach(async () => {
  if (cluster === undefined) throw new Error('the PostgreSQL test cluster did not start');
  databases += 1;
  url = await cluster.createDatabase(`contract_${databases}`);
});

describeStoreContract('PostgreSQL', () => openStore(url));

describe('PostgreSQL connection errors', () => {
  it('names host and database but never the password when the password is wrong', async () => {
    const wrong = url.replace(/:[^:@/]+@/, ':Wr0ng-Pa55word@');
    const error = await openStore(wrong).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    const { message } = error as Error;
    expect(message).toMatch(/PostgreSQL database "contract_\d+" at 127\.0\.0\.1:\d+ as user "klaxon"/);
    expect(message).toContain('password authentication failed');
    expect(everythingShownBy(error)).not.toContain('Wr0ng-Pa55word');
  });

  it('names the database but not the password when the database does not exist', async () => {
    const password = /:([^:@/]+)@/.exec(url)?.[1] ?? '';
    const error = await openStore(url.replace(/\/[^/]+$/, '/no_such_database')).catch(
      (caught: unknown) => caught,
    );
    expect((error as Error).message).toContain('database "no_such_database"');
    expect(password).not.toBe('');
    expect(everythingShownBy(error)).not.toContain(password);
  });
});

describe('PostgreSQL compression of documents', () => {
  const query = <Row>(text: string, values: unknown[] = []) => queryPostgres<Row>(url, text, values);

  it('compresses the columns that hold documents with lz4, as a value written there shows', async () => {
    const store = await openStore(url);
    // Repetitive, as JSON documents are, and far over the 2 KB past which PostgreSQL compresses.
    const snapshot = JSON.stringify(
      Array.from({ length: 2_000 }, (_, i) => ({ key: `user-${i % 50}`, n: i })),
    );
    try {
      await store.checkpoints.save('replay:compressed', snapshot, 1);
    } finally {
      await store.close();
    }
    const columns = await query<{ table: string; column: string; compression: string }>(
      `select c.relname as table, a.attname as column, a.attcompression as compression
         from pg_attribute a join pg_class c on c.oid = a.attrelid
        where c.relname = any($1) and a.attname = any($2) and a.attnum > 0`,
      [DOCUMENT_COLUMNS.map(([table]) => table), DOCUMENT_COLUMNS.map(([, column]) => column)],
    );
    const byName = new Map(columns.map((row) => [`${row.table}.${row.column}`, row.compression]));
    expect(DOCUMENT_COLUMNS.map(([table, column]) => byName.get(`${table}.${column}`))).toEqual(
      DOCUMENT_COLUMNS.map(() => 'l'),
    );
    const [written] = await query<{ method: string; stored: number; length: number }>(
      `select pg_column_compression(data) as method, pg_column_size(data) as stored, octet_length(data) as length
         from checkpoints where name = 'replay:compressed'`,
    );
    expect(written?.method).toBe('lz4');
    expect(written?.stored).toBeLessThan((written?.length ?? 0) / 2);
  });
});
