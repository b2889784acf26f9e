import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { openSqliteDatabase } from '../dialects/sqlite.ts';
import type { Database } from '../schema.ts';
import { MIGRATIONS, runMigrations } from './index.ts';
import type { Migration } from './index.ts';

const opened: Kysely<Database>[] = [];
function openMemory(): Kysely<Database> {
  const db = openSqliteDatabase(':memory:');
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

async function tableNames(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(
    db,
  );
  return rows.map((row) => row.name);
}

describe('migrations', () => {
  it('applies every migration once, records it with the clock time, and does nothing the second time', async () => {
    const db = openMemory();
    expect(await runMigrations(db, 'sqlite', MIGRATIONS, () => 1_234)).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
    expect(await runMigrations(db, 'sqlite', MIGRATIONS, () => 5_678)).toEqual([]);
    const recorded = await db.selectFrom('klaxon_migrations').selectAll().execute();
    expect(recorded).toEqual(
      MIGRATIONS.map((m) => ({ version: m.version, name: m.name, applied_at: 1_234 })),
    );
    expect(await tableNames(db)).toEqual([
      'api_tokens',
      'case_entities',
      'cases',
      'checkpoints',
      'counters',
      'group_messages',
      'incident_audit',
      'incident_escalations',
      'incidents',
      'ingest_journal',
      'klaxon_migrations',
      'notification_groups',
      'outbox',
      'outbox_channels',
      'rule_audit',
      'rule_states',
      'sessions',
      'silences',
      'suppressions',
      'users',
    ]);
  });

  it('applies only the migrations a database has not seen yet', async () => {
    const db = openMemory();
    await runMigrations(db, 'sqlite', MIGRATIONS, () => 1);
    const second: Migration = {
      version: Math.max(...MIGRATIONS.map((m) => m.version)) + 1,
      name: 'add-notes',
      up: (trx) => sql`create table notes (id integer)`.execute(trx).then(() => {}),
    };
    expect(await runMigrations(db, 'sqlite', [...MIGRATIONS, second], () => 2)).toEqual([second.version]);
    expect(await tableNames(db)).toContain('notes');
  });

  it('leaves the database as it was when a migration fails', async () => {
    const db = openMemory();
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (trx) => sql`create table broken (x integer) nonsense`.execute(trx).then(() => {}),
    };
    await expect(runMigrations(db, 'sqlite', [...MIGRATIONS, broken], () => 1)).rejects.toThrow();
    expect(await tableNames(db)).toEqual([]);
  });

  it('refuses a database written by a newer Klaxon', async () => {
    const db = openMemory();
    await runMigrations(db, 'sqlite', MIGRATIONS, () => 1);
    await db.insertInto('klaxon_migrations').values({ version: 99, name: 'future', applied_at: 2 }).execute();
    await expect(runMigrations(db, 'sqlite', MIGRATIONS, () => 3)).rejects.toThrow(
      'schema version 99, which this Klaxon does not know',
    );
  });
});

describe('the incident search migration', () => {
  it('fills the group values of incidents opened before it', async () => {
    const db = openMemory();
    const before = MIGRATIONS.filter((migration) => migration.version < 5);
    await runMigrations(db, 'sqlite', before, () => 1);
    await sql`insert into incidents (serial, episode_id, rule_id, title, status, group_key, group_json, count,
      first_seen, last_seen, opened_at, severity, confidence, priority, attack_json, samples_json)
      values (1, 'e1', 'r', 't', 'open', '{}', ${JSON.stringify({ 'source.ip': '203.0.113.9', 'user.name': 'Bob' })},
      5, 1, 2, 2, 'high', 'medium', 'P2', '[]', '[]')`.execute(db);
    const later = MIGRATIONS.filter((migration) => migration.version >= 5).map((m) => m.version);
    expect(await runMigrations(db, 'sqlite', MIGRATIONS, () => 2)).toEqual(later);
    const row = await db.selectFrom('incidents').select('group_values').executeTakeFirstOrThrow();
    expect(row.group_values).toBe('203.0.113.9\nbob');
  });
});

describe('the case entities migration', () => {
  it('indexes the entities of the cases opened before it', async () => {
    const db = openMemory();
    const before = MIGRATIONS.filter((migration) => migration.name !== 'case-entities');
    await runMigrations(db, 'sqlite', before, () => 1);
    const cases = Array.from({ length: 1_200 }, (_, n) => ({
      id: n + 1,
      entities_json: JSON.stringify([`source.ip=10.0.${n >> 8}.${n & 255}`, 'user.name=root']),
      first_seen: 0,
      last_seen: 0,
    }));
    for (let start = 0; start < cases.length; start += 200)
      await db
        .insertInto('cases')
        .values(cases.slice(start, start + 200))
        .execute();
    expect(await runMigrations(db, 'sqlite', MIGRATIONS, () => 2)).toEqual([12]);
    const root = await db
      .selectFrom('case_entities')
      .select('case_id')
      .where('entity', '=', 'user.name=root')
      .execute();
    expect(root).toHaveLength(1_200);
    const one = await db
      .selectFrom('case_entities')
      .select('case_id')
      .where('entity', '=', 'source.ip=10.0.4.175')
      .execute();
    expect(one.map((row) => Number(row.case_id))).toEqual([4 * 256 + 175 + 1]);
  });
});
