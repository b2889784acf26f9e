import { CompiledQuery } from 'kysely';
import type { Kysely } from 'kysely';
import { storedRow, storedValue } from './held-row.ts';
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
 * samples JSON is made just before its statement); PostgreSQL: multi-row INSERTs, for round trips,
 * each chunk's rows made while the server stores the chunk before (see insertChunksInTurn).
 */
export async function insertHeldRows(
  db: Kysely<Database>,
  dialect: StoreDialect,
  rows: readonly HeldRow[],
): Promise<void> {
  if (dialect === 'postgres') {
    await insertChunksInTurn(rows, (chunk) => db.insertInto('incidents').values(chunk.map(storedRow)));
    return;
  }
  for (const row of rows)
    await db.executeQuery(
      CompiledQuery.raw(
        INSERT_ONE,
        COLUMNS.map((name) => storedValue(row, name) ?? null),
      ),
    );
}

/**
 * Runs one INSERT per INSERT_CHUNK rows, in order, one at a time, and makes each chunk's statement
 * (its rows' samples JSON, most of a replay's last checkpoint) while the server stores the chunk
 * before: a replay's 2,428 incidents had Klaxon idle about 0.2 s waiting on the server otherwise.
 * A chunk that fails stops the rest: the next statement is sent only once the one before is done.
 */
async function insertChunksInTurn(
  rows: readonly HeldRow[],
  statementOf: (chunk: readonly HeldRow[]) => { execute(): Promise<unknown> },
): Promise<void> {
  let running: Promise<unknown> | undefined;
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const statement = statementOf(rows.slice(start, start + INSERT_CHUNK));
    await running;
    running = statement.execute();
    // Awaited on the next turn. Should making the next chunk's rows throw first, the transaction's
    // rollback follows this statement on the same connection, and its failure is not unhandled.
    running.catch(() => undefined);
    // The driver sends a statement a few promise turns after execute(): let it go out before the
    // next chunk is made (the timer's millisecond passes while the server works).
    if (start + INSERT_CHUNK < rows.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await running;
}
