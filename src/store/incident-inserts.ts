import { CompiledQuery } from 'kysely';
import type { Kysely } from 'kysely';
import { samplesJsonOf, storedRow } from './held-row.ts';
import type { HeldRow } from './held-row.ts';
import type { StoreDialect } from './migrations/index.ts';
import type { Database, IncidentTable } from './schema.ts';

/** Every column of an incident row, in the order of INSERT_ONE's parameters. */
const COLUMNS = [
  'serial',
  'episode_id',
  'rule_id',
  'title',
  'status',
  'group_key',
  'group_json',
  'group_values',
  'count',
  'first_seen',
  'last_seen',
  'opened_at',
  'severity',
  'confidence',
  'priority',
  'attack_json',
  'runbook',
  'samples_json',
  'distinct_json',
  'previous_serial',
  'assignee',
  'acknowledged_at',
  'acknowledged_by',
  'resolved_at',
  'resolved_by',
  'resolution',
  'case_id',
  'quiet_since',
  'earlier_count',
  'minute_counts',
  'earlier_minute_counts',
  'sigma_json',
] as const satisfies readonly (keyof IncidentTable)[];
// A column added to IncidentTable and not listed here fails to compile.
const everyColumn: [Exclude<keyof IncidentTable, (typeof COLUMNS)[number]>] extends [never] ? true : false =
  true;
void everyColumn;

const INSERT_ONE = `insert into "incidents" (${COLUMNS.map((name) => `"${name}"`).join(', ')}) values (${COLUMNS.map(() => '?').join(', ')})`;

/** Rows per INSERT on PostgreSQL: about 30 columns each, one round trip per chunk. */
const INSERT_CHUNK = 200;

/**
 * Inserts held rows (in the order given). SQLite: one prepared one-row statement run for each, in
 * process (binding 6,000 parameters of a multi-row INSERT cost more than it saved, and each row's
 * samples JSON is made just before its statement); PostgreSQL: multi-row INSERTs, for round trips.
 */
export async function insertHeldRows(
  db: Kysely<Database>,
  dialect: StoreDialect,
  rows: readonly HeldRow[],
): Promise<void> {
  if (dialect === 'postgres') {
    for (let start = 0; start < rows.length; start += INSERT_CHUNK)
      await db
        .insertInto('incidents')
        .values(rows.slice(start, start + INSERT_CHUNK).map(storedRow))
        .execute();
    return;
  }
  for (const row of rows)
    await db.executeQuery(
      CompiledQuery.raw(
        INSERT_ONE,
        COLUMNS.map((name) => (name === 'samples_json' ? samplesJsonOf(row) : (row[name] ?? null))),
      ),
    );
}
