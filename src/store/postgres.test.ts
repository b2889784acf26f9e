import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPostgres } from '../../test/support/postgres.ts';
import type { TestPostgres } from '../../test/support/postgres.ts';
import { StoreError } from '../core/index.ts';
import { openStore } from './index.ts';
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
