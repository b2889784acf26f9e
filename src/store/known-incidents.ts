import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { StoreDialect } from './migrations/index.ts';
import { storedValue } from './held-row.ts';
import { insertHeldRows } from './incident-inserts.ts';
import type { HeldRow } from './held-row.ts';
import type { Database, IncidentTable } from './schema.ts';

/** The columns the engine's progress, resolve and continue writes change. */
const CHANGED = [
  ['episode_id', 'text'],
  ['earlier_count', 'bigint'],
  ['count', 'bigint'],
  ['first_seen', 'bigint'],
  ['last_seen', 'bigint'],
  ['samples_json', 'text'],
  ['distinct_json', 'text'],
  ['minute_counts', 'text'],
  ['earlier_minute_counts', 'text'],
  ['quiet_since', 'bigint'],
  ['status', 'text'],
  ['resolved_at', 'bigint'],
  ['resolved_by', 'text'],
] as const;

/** Rows per statement on SQLite (one UPDATE each) and per array on PostgreSQL. */
const CHUNK = 500;

/**
 * The incidents a batch of engine writes in one transaction opened or changed, as their rows
 * stand: a later progress or resolve of one of them changes the row here, and `drain` writes the
 * changed rows (PostgreSQL: one UPDATE from arrays; SQLite: one UPDATE each, in-process). Kept up
 * to date from the rows the engine's writes return; anything else that may read or change
 * incidents drains and forgets first.
 */
export class KnownIncidents {
  private readonly bySerial = new Map<number, HeldRow>();
  private readonly byEpisode = new Map<string, number>();
  private readonly changed = new Set<number>();
  /** Incidents opened here that the store does not hold yet: `drain` inserts them as they stand. */
  private readonly inserts = new Set<number>();
  /** Episodes whose incident took a new one here. */
  private readonly retired = new Set<string>();

  constructor(private readonly dialect: StoreDialect) {}

  /**
   * The row of the episode's incident; undefined when it has none (its incident went on under a new
   * episode here, which the store may not hold yet); `unknown` when not known here.
   */
  byEpisodeId(episodeId: string): HeldRow | undefined | 'unknown' {
    const serial = this.byEpisode.get(episodeId);
    if (serial !== undefined) return this.bySerial.get(serial) as HeldRow;
    return this.retired.has(episodeId) ? undefined : 'unknown';
  }

  /** The row of incident `serial` as it stands, if known here. */
  bySerialNumber(serial: number): HeldRow | undefined {
    return this.bySerial.get(serial);
  }

  /** The row as the store holds it (written or returned). */
  note(row: HeldRow): void {
    const serial = Number(row.serial);
    const earlier = this.bySerial.get(serial);
    if (earlier !== undefined && earlier.episode_id !== row.episode_id) {
      this.byEpisode.delete(earlier.episode_id);
      this.retired.add(earlier.episode_id);
    }
    this.bySerial.set(serial, row);
    this.byEpisode.set(row.episode_id, serial);
  }

  /** The row as an engine write changed it here, for `drain` to write. */
  change(row: HeldRow): void {
    this.note(row);
    if (!this.inserts.has(Number(row.serial))) this.changed.add(Number(row.serial));
  }

  /** A newly opened incident's row, for `drain` to insert (see PreparedOpens). */
  insert(row: HeldRow): void {
    this.note(row);
    this.inserts.add(Number(row.serial));
  }

  get holdsInserts(): boolean {
    return this.inserts.size > 0;
  }

  /** `caseOf`: an incident's case not written yet (see CaseCache.takeUnwritten), inserted with its row. */
  async drain(db: Kysely<Database>, caseOf?: (serial: number) => number | undefined): Promise<void> {
    // In serial order: an incident's previous may be one of them.
    const inserts = [...this.inserts].sort((a, b) => a - b).map((serial) => this.withCase(serial, caseOf));
    this.inserts.clear();
    await insertHeldRows(db, this.dialect, inserts);
    const rows = [...this.changed].map((serial) => this.bySerial.get(serial) as HeldRow);
    this.changed.clear();
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      if (this.dialect === 'postgres') await updateFromArrays(db, chunk);
      else for (const row of chunk) await updateOne(db, row);
    }
  }

  private withCase(serial: number, caseOf?: (serial: number) => number | undefined): HeldRow {
    const row = this.bySerial.get(serial) as HeldRow;
    const caseId = caseOf?.(serial);
    if (caseId === undefined) return row;
    const placed = { ...row, case_id: caseId };
    this.bySerial.set(serial, placed);
    return placed;
  }

  forget(): void {
    this.bySerial.clear();
    this.byEpisode.clear();
    this.retired.clear();
  }
}

async function updateOne(db: Kysely<Database>, row: HeldRow): Promise<void> {
  const columns: Partial<IncidentTable> = {};
  for (const [name] of CHANGED) Object.assign(columns, { [name]: storedValue(row, name) });
  await db.updateTable('incidents').set(columns).where('serial', '=', row.serial).execute();
}

async function updateFromArrays(db: Kysely<Database>, rows: readonly HeldRow[]): Promise<void> {
  const arrays = [
    sql`${rows.map((row) => row.serial)}::bigint[]`,
    ...CHANGED.map(
      ([name, type]) => sql`${rows.map((row) => storedValue(row, name) ?? null)}::${sql.raw(type)}[]`,
    ),
  ];
  const names = sql.raw(['serial', ...CHANGED.map(([name]) => name)].join(', '));
  const sets = sql.raw(CHANGED.map(([name]) => `${name} = v.${name}`).join(', '));
  await sql`update incidents as i set ${sets}
    from unnest(${sql.join(arrays)}) as v(${names})
    where i.serial = v.serial`.execute(db);
}
