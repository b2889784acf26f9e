import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { CaseSpanRow } from './case-repository.ts';
import type { CaseTable, Database } from './schema.ts';

/** Rows per statement: far below the bound-parameter limits of both dialects. */
const CHUNK = 500;

/**
 * The cases one transaction reads and changes, for a batch of engine writes: active cases are read
 * once (again only for an earlier time than read so far), a case put or extended changes here,
 * and the changed cases are written at `drain` (before the commit, or before another read of
 * cases), in multi-row upserts. Case rows are only ever changed through the case repository.
 */
export class CaseCache {
  private readonly known = new Map<number, CaseSpanRow>();
  private readonly changed = new Set<number>();
  /** Incidents put in a case here: serial to case id. */
  private readonly members = new Map<number, number>();
  /** Of `members`, those not written yet. */
  private readonly unwritten = new Set<number>();
  /** Every stored case active at this time or later is in `known`. */
  private readSince: number | undefined;
  /** Every stored case about the entity active at this time or later is in `known`. */
  private readonly entityReadSince = new Map<string, number>();

  /** With `entities`, only cases sharing one of them, read through the store's entity index. */
  async active(db: Kysely<Database>, since: number, entities?: readonly string[]): Promise<CaseSpanRow[]> {
    if (entities !== undefined) return this.sharing(db, since, entities);
    if (this.readSince === undefined || since < this.readSince) {
      const rows = await db.selectFrom('cases').selectAll().where('last_seen', '>=', since).execute();
      for (const row of rows)
        if (!this.known.has(Number(row.id))) this.known.set(Number(row.id), toSpan(row));
      this.readSince = since;
    }
    return [...this.known.values()].filter((span) => span.lastSeen >= since);
  }

  private async sharing(
    db: Kysely<Database>,
    since: number,
    entities: readonly string[],
  ): Promise<CaseSpanRow[]> {
    if (entities.length === 0) return [];
    if (this.readSince === undefined || since < this.readSince) {
      const unread = entities.filter((entity) => !((this.entityReadSince.get(entity) ?? Infinity) <= since));
      const rows = unread.length === 0 ? [] : await readActiveSharing(db, since, unread);
      for (const row of rows)
        if (!this.known.has(Number(row.id))) this.known.set(Number(row.id), toSpan(row));
      for (const entity of unread) this.entityReadSince.set(entity, since);
    }
    const wanted = new Set(entities);
    return [...this.known.values()].filter(
      (span) => span.lastSeen >= since && span.entities.some((entity) => wanted.has(entity)),
    );
  }

  put(span: CaseSpanRow, serial: number): void {
    // The entities as given (read-only): a case widened at each join is not copied once more.
    this.known.set(span.id, { ...span });
    this.changed.add(span.id);
    this.members.set(serial, span.id);
    this.unwritten.add(serial);
  }

  /** The case incident `serial` was put in here (rows this transaction keeps may not show it). */
  caseOf(serial: number): number | undefined {
    return this.members.get(serial);
  }

  /**
   * The case incident `serial` was put in here and not written yet, which its caller now writes
   * with the incident's row (an INSERT that sets it, rather than an UPDATE after it): off `drain`'s list.
   */
  takeUnwritten(serial: number): number | undefined {
    return this.unwritten.delete(serial) ? this.members.get(serial) : undefined;
  }

  /** False when the case is not known here: the caller updates the stored row. */
  extend(id: number, lastSeen: number): boolean {
    const span = this.known.get(id);
    if (span === undefined) {
      // That stored case may now be active earlier than read.
      this.readSince = undefined;
      this.entityReadSince.clear();
      return false;
    }
    if (span.lastSeen < lastSeen) {
      this.known.set(id, { ...span, lastSeen });
      this.changed.add(id);
    }
    return true;
  }

  async drain(db: Kysely<Database>): Promise<void> {
    const rows = [...this.changed].map((id) => toRow(this.known.get(id) as CaseSpanRow));
    const members = [...this.unwritten].map(
      (serial) => [serial, this.members.get(serial) as number] as [number, number],
    );
    this.changed.clear();
    this.unwritten.clear();
    await upsertCases(db, rows);
    await indexEntities(db, rows.map(toSpan));
    for (let start = 0; start < members.length; start += CHUNK)
      await setCases(db, members.slice(start, start + CHUNK));
  }
}

/** Each case's entities in `case_entities`, which `active` and `sharing` narrow by. */
export async function indexEntities(db: Kysely<Database>, spans: readonly CaseSpanRow[]): Promise<void> {
  const rows = spans.flatMap((span) => span.entities.map((entity) => ({ entity, case_id: span.id })));
  for (let start = 0; start < rows.length; start += CHUNK)
    await db
      .insertInto('case_entities')
      .values(rows.slice(start, start + CHUNK))
      .onConflict((oc) => oc.doNothing())
      .execute();
}

/** Stored cases active at `since` or later that share one of `entities`, through `case_entities`. */
export async function readActiveSharing(
  db: Kysely<Database>,
  since: number,
  entities: readonly string[],
): Promise<CaseTable[]> {
  const found = new Map<number, CaseTable>();
  for (let start = 0; start < entities.length; start += CHUNK) {
    const rows = await db
      .selectFrom('cases')
      .selectAll()
      .where('last_seen', '>=', since)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('case_entities')
          .select('case_id')
          .where('entity', 'in', entities.slice(start, start + CHUNK)),
      )
      .execute();
    for (const row of rows) found.set(Number(row.id), row);
  }
  return [...found.values()];
}

async function upsertCases(db: Kysely<Database>, rows: readonly CaseTable[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK)
    await db
      .insertInto('cases')
      .values(rows.slice(start, start + CHUNK))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          entities_json: eb.ref('excluded.entities_json'),
          first_seen: eb.ref('excluded.first_seen'),
          last_seen: eb.ref('excluded.last_seen'),
        })),
      )
      .execute();
}

/**
 * Incidents' case ids, `[serial, case id]`, in one UPDATE. The CASE is written as SQL: Kysely's
 * builder copies the whole CASE at each WHEN, which made a chunk of 500 cost 125,000 copies.
 */
async function setCases(db: Kysely<Database>, members: readonly [number, number][]): Promise<void> {
  const whens = members.map(([serial, id]) => sql`when ${serial} then cast(${id} as bigint)`);
  await db
    .updateTable('incidents')
    .set({ case_id: sql<number>`case ${sql.ref('serial')} ${sql.join(whens, sql` `)} end` })
    .where(
      'serial',
      'in',
      members.map(([serial]) => serial),
    )
    .execute();
}

export function toSpan(row: CaseTable): CaseSpanRow {
  return {
    id: Number(row.id),
    entities: JSON.parse(row.entities_json) as string[],
    firstSeen: Number(row.first_seen),
    lastSeen: Number(row.last_seen),
  };
}

export function toRow(span: CaseSpanRow): CaseTable {
  return {
    id: span.id,
    entities_json: JSON.stringify(span.entities),
    first_seen: span.firstSeen,
    last_seen: span.lastSeen,
  };
}
