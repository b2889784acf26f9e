import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { MIGRATIONS } from './migrations/index.ts';
import type { StoreDialect } from './migrations/index.ts';
import type { Database } from './schema.ts';

/** Every table the current schema has; the compiler fails when schema.ts gains one not listed. */
const EXPECTED_TABLES = Object.keys({
  klaxon_migrations: true,
  counters: true,
  incidents: true,
  incident_audit: true,
  silences: true,
  suppressions: true,
  checkpoints: true,
  api_tokens: true,
  ingest_journal: true,
  users: true,
  sessions: true,
  rule_states: true,
  notification_groups: true,
  group_messages: true,
  cases: true,
  case_entities: true,
  rule_audit: true,
  incident_escalations: true,
} satisfies Record<keyof Database, true>);

/** How far to look: `quick` (PRAGMA quick_check, at start) or `full` (integrity_check, `store check`). */
export type IntegrityLevel = 'quick' | 'full';

export interface StoreCheck {
  name: string;
  ok: boolean;
  detail: string;
}

const PROBLEMS_SHOWN = 5;

/** Schema version, expected tables and (SQLite) page integrity of an open store. */
export async function runStoreChecks(
  db: Kysely<Database>,
  dialect: StoreDialect,
  level: IntegrityLevel,
): Promise<StoreCheck[]> {
  const schema = await attempt('schema', () => checkSchemaVersion(db));
  const tables = await attempt('tables', () => checkTables(db, dialect, schema));
  const integrity =
    dialect === 'sqlite'
      ? await attempt(level === 'quick' ? 'quick_check' : 'integrity_check', () =>
          checkSqliteIntegrity(db, level),
        )
      : postgresIntegrityNote();
  return [schema, tables, integrity];
}

/** A check the database could not even answer (a damaged page) is a failed check, not a crash. */
async function attempt<T extends StoreCheck>(name: string, check: () => Promise<T>): Promise<StoreCheck> {
  try {
    return await check();
  } catch (error) {
    return { name, ok: false, detail: `cannot be read: ${(error as Error).message}` };
  }
}

async function checkSchemaVersion(db: Kysely<Database>): Promise<StoreCheck & { current: boolean }> {
  const rows = await db.selectFrom('klaxon_migrations').select('version').execute();
  const applied = new Set(rows.map((row) => Number(row.version)));
  const known = new Set(MIGRATIONS.map((migration) => migration.version));
  const newer = [...applied].filter((version) => !known.has(version));
  const pending = [...known].filter((version) => !applied.has(version));
  const latest = Math.max(0, ...applied);
  if (newer.length > 0)
    return {
      name: 'schema',
      ok: false,
      current: false,
      detail: `schema version ${newer.join(', ')} was written by a newer Klaxon than this one`,
    };
  if (pending.length > 0)
    return {
      name: 'schema',
      ok: true,
      current: false,
      detail: `schema version ${latest}; migrations ${pending.join(', ')} not applied yet (klaxon start applies them)`,
    };
  return { name: 'schema', ok: true, current: true, detail: `schema version ${latest} (current)` };
}

async function checkTables(
  db: Kysely<Database>,
  dialect: StoreDialect,
  schema: StoreCheck,
): Promise<StoreCheck> {
  if (!schema.ok) return { name: 'tables', ok: false, detail: 'not checked: unknown schema' };
  const query =
    dialect === 'sqlite'
      ? sql<{ name: string }>`select name from sqlite_master where type = 'table'`
      : sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema()`;
  const { rows } = await query.execute(db);
  const present = new Set(rows.map((row) => row.name));
  const missing = EXPECTED_TABLES.filter((table) => !present.has(table));
  // A store behind the current schema lacks the tables of its pending migrations; those come at start.
  const current = (schema as { current?: boolean }).current === true;
  if (missing.length > 0 && current)
    return { name: 'tables', ok: false, detail: `missing: ${missing.join(', ')}` };
  return {
    name: 'tables',
    ok: true,
    detail: `${EXPECTED_TABLES.length - missing.length} Klaxon tables present`,
  };
}

async function checkSqliteIntegrity(db: Kysely<Database>, level: IntegrityLevel): Promise<StoreCheck> {
  const pragma = level === 'quick' ? 'quick_check' : 'integrity_check';
  const { rows } = await sql.raw<Record<string, unknown>>(`pragma ${pragma}`).execute(db);
  const results = rows.map((row) => String(Object.values(row)[0]));
  if (results.length === 1 && results[0] === 'ok') return { name: pragma, ok: true, detail: 'ok' };
  const shown = results.slice(0, PROBLEMS_SHOWN).join('; ');
  const more = results.length > PROBLEMS_SHOWN ? ` (and ${results.length - PROBLEMS_SHOWN} more)` : '';
  return { name: pragma, ok: false, detail: `${shown}${more}` };
}

function postgresIntegrityNote(): StoreCheck {
  return {
    name: 'integrity',
    ok: true,
    detail: "pages are PostgreSQL's to check (data checksums, amcheck); not checked by Klaxon",
  };
}
