import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { CaseSpanRow } from './case-repository.ts';
import type { CaseTable, Database } from './schema.ts';

/** Rows per statement: far below the bound-parameter limits of both dialects. */
const CHUNK = 500;

/** A case as CaseCache holds it: its entities as a set, sorted only when written or listed. */
interface HeldCase {
  id: number;
  entities: Set<string>;
  /** The entities sorted, until one is added. */
  sorted: readonly string[] | undefined;
  firstSeen: number;
  lastSeen: number;
}

/**
 * The cases one transaction reads and changes, for a batch of engine writes: active cases are read
 * once (again only for an earlier time than read so far), a case put, joined or extended changes
 * here, and the changed cases are written at `drain` (before the commit, or before another read of
 * cases), in multi-row upserts. Case rows are only ever changed through the case repository.
 *
 * An incident joining a case adds its entities to the case's set, and the cases it may join are
 * found through an index by entity: a case that thousands of incidents join (one address spraying
 * thousands of accounts) was copied whole at each join, and every known case looked at for each
 * incident. In assignment alone, 32,000 incidents joining one case took 7.4 s, and 32,000 from as
 * many addresses 10.0 s; now 0.8 s each (bench/case-joins.ts).
 */
export class CaseCache {
  private readonly known = new Map<number, HeldCase>();
  /** The known cases about each entity. */
  private readonly casesAbout = new Map<string, Set<number>>();
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
    if (entities !== undefined)
      return (await this.sharing(db, since, entities)).map((held) => spanOf(held, sortedOf(held)));
    if (this.readSince === undefined || since < this.readSince) {
      const rows = await db.selectFrom('cases').selectAll().where('last_seen', '>=', since).execute();
      for (const row of rows) if (!this.known.has(Number(row.id))) this.remember(toSpan(row));
      this.readSince = since;
    }
    return [...this.known.values()]
      .filter((held) => held.lastSeen >= since)
      .map((held) => spanOf(held, sortedOf(held)));
  }

  /** See CaseRepository.candidates. */
  async candidates(db: Kysely<Database>, since: number, entities: readonly string[]): Promise<CaseSpanRow[]> {
    const found = await this.sharing(db, since, entities);
    return found.map((held) =>
      spanOf(
        held,
        entities.filter((entity) => held.entities.has(entity)),
      ),
    );
  }

  /** The cases active at `since` or later that share one of `entities`, in the order of their ids. */
  private async sharing(
    db: Kysely<Database>,
    since: number,
    entities: readonly string[],
  ): Promise<HeldCase[]> {
    if (entities.length === 0) return [];
    if (this.readSince === undefined || since < this.readSince) {
      const unread = entities.filter((entity) => !((this.entityReadSince.get(entity) ?? Infinity) <= since));
      const rows = unread.length === 0 ? [] : await readActiveSharing(db, since, unread);
      for (const row of rows) if (!this.known.has(Number(row.id))) this.remember(toSpan(row));
      for (const entity of unread) this.entityReadSince.set(entity, since);
    }
    const ids = new Set<number>();
    for (const entity of entities) for (const id of this.casesAbout.get(entity) ?? []) ids.add(id);
    return [...ids]
      .sort((a, b) => a - b)
      .map((id) => this.known.get(id) as HeldCase)
      .filter((held) => held.lastSeen >= since);
  }

  put(span: CaseSpanRow, serial: number): void {
    this.remember(span);
    this.changed.add(span.id);
    this.placed(serial, span.id);
  }

  /** A stored case read apart: known here from now on, unless it is already. */
  know(span: CaseSpanRow): void {
    if (!this.known.has(span.id)) this.remember(span);
  }

  /** See CaseRepository.join; false when the case is not known here (see `know`). */
  join(id: number, incident: Omit<CaseSpanRow, 'id'>, serial: number): boolean {
    const held = this.known.get(id);
    if (held === undefined) return false;
    for (const entity of incident.entities)
      if (!held.entities.has(entity)) {
        held.entities.add(entity);
        held.sorted = undefined;
        this.index(entity, id);
      }
    held.firstSeen = Math.min(held.firstSeen, incident.firstSeen);
    held.lastSeen = Math.max(held.lastSeen, incident.lastSeen);
    this.changed.add(id);
    this.placed(serial, id);
    return true;
  }

  private placed(serial: number, id: number): void {
    this.members.set(serial, id);
    this.unwritten.add(serial);
  }

  private remember(span: CaseSpanRow): void {
    const earlier = this.known.get(span.id);
    // A case put again (widened by its caller): entities are never taken from a case.
    if (earlier !== undefined)
      for (const entity of earlier.entities) this.casesAbout.get(entity)?.delete(span.id);
    this.known.set(span.id, {
      id: span.id,
      entities: new Set(span.entities),
      sorted: undefined,
      firstSeen: span.firstSeen,
      lastSeen: span.lastSeen,
    });
    for (const entity of span.entities) this.index(entity, span.id);
  }

  private index(entity: string, id: number): void {
    let ids = this.casesAbout.get(entity);
    if (ids === undefined) this.casesAbout.set(entity, (ids = new Set()));
    ids.add(id);
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
    const held = this.known.get(id);
    if (held === undefined) {
      // That stored case may now be active earlier than read.
      this.readSince = undefined;
      this.entityReadSince.clear();
      return false;
    }
    if (held.lastSeen < lastSeen) {
      held.lastSeen = lastSeen;
      this.changed.add(id);
    }
    return true;
  }

  async drain(db: Kysely<Database>): Promise<void> {
    const spans = [...this.changed].map((id) => {
      const held = this.known.get(id) as HeldCase;
      return spanOf(held, sortedOf(held));
    });
    const members = [...this.unwritten].map(
      (serial) => [serial, this.members.get(serial) as number] as [number, number],
    );
    this.changed.clear();
    this.unwritten.clear();
    await upsertCases(db, spans.map(toRow));
    await indexEntities(db, spans);
    for (let start = 0; start < members.length; start += CHUNK)
      await setCases(db, members.slice(start, start + CHUNK));
  }
}

/** The entities sorted as `Array.prototype.sort` sorts them (as widenCase gives them), made once per change. */
function sortedOf(held: HeldCase): readonly string[] {
  return (held.sorted ??= [...held.entities].sort());
}

function spanOf(held: HeldCase, entities: readonly string[]): CaseSpanRow {
  return { id: held.id, entities, firstSeen: held.firstSeen, lastSeen: held.lastSeen };
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
