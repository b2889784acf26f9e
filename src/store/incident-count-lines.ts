import type { Insertable, Kysely } from 'kysely';
import { ENGINE_ACTOR } from './incident-audit.ts';
import type { Database, IncidentAuditTable } from './schema.ts';

/** One incident's engine count line: "60 events, last at ...". */
export interface CountLine {
  serial: number;
  count: number;
  lastSeen: number;
}

export type AuditRow = Insertable<IncidentAuditTable>;

/** Rows per statement: far below the bound-parameter limits of both dialects. */
const CHUNK = 500;

/**
 * Count updates fold into one audit line per incident, kept last so that people's notes are not
 * buried under one row per update: the incidents' earlier count lines go and the new ones are
 * added, for many incidents in two statements.
 */
export async function foldCountLines(trx: Kysely<Database>, lines: readonly CountLine[]): Promise<void> {
  await deleteCountLines(
    trx,
    lines.map((line) => line.serial),
  );
  await insertAuditRows(trx, lines.map(countLineRow));
}

export function countLineRow(line: CountLine): AuditRow {
  return {
    serial: line.serial,
    at: line.lastSeen,
    actor: ENGINE_ACTOR,
    action: 'updated',
    detail: `${line.count} events, last at ${new Date(line.lastSeen).toISOString()}`,
  };
}

/** Removes the stored count lines of these incidents. */
export async function deleteCountLines(trx: Kysely<Database>, serials: readonly number[]): Promise<void> {
  for (let start = 0; start < serials.length; start += CHUNK) {
    await trx
      .deleteFrom('incident_audit')
      .where('serial', 'in', serials.slice(start, start + CHUNK))
      .where('actor', '=', ENGINE_ACTOR)
      .where('action', '=', 'updated')
      .where('detail', 'like', '% events, last at %')
      .execute();
  }
}

/** Audit rows in this order, in multi-row INSERTs. */
export async function insertAuditRows(trx: Kysely<Database>, rows: readonly AuditRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK)
    await trx
      .insertInto('incident_audit')
      .values(rows.slice(start, start + CHUNK))
      .execute();
}
