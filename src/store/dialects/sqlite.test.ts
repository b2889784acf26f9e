import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from './sqlite.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function pragma(db: ReturnType<typeof openSqliteDatabase>, name: string): Promise<unknown> {
  const { rows } = await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db);
  return Object.values(rows[0] ?? {})[0];
}

describe('SQLite database', () => {
  it('opens a file in WAL mode with foreign keys on, a busy timeout and synchronous NORMAL', async () => {
    const db = openSqliteDatabase(join(dir, 'pragmas.db'));
    try {
      expect(await pragma(db, 'journal_mode')).toBe('wal');
      expect(await pragma(db, 'foreign_keys')).toBe(1);
      expect(await pragma(db, 'busy_timeout')).toBeGreaterThan(0);
      expect(await pragma(db, 'synchronous')).toBe(1);
    } finally {
      await db.destroy();
    }
  });

  it('rolls back a failed transaction and keeps working', async () => {
    const db = openSqliteDatabase(':memory:');
    try {
      await sql`create table t (x integer primary key)`.execute(db);
      const failed = db.transaction().execute(async (trx) => {
        await sql`insert into t (x) values (1)`.execute(trx);
        await sql`insert into t (x) values (1)`.execute(trx);
      });
      await expect(failed).rejects.toThrow('UNIQUE constraint failed');
      await sql`insert into t (x) values (2)`.execute(db);
      const { rows } = await sql<{ x: number }>`select x from t`.execute(db);
      expect(rows).toEqual([{ x: 2 }]);
    } finally {
      await db.destroy();
    }
  });
});
