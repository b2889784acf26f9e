import type { Kysely } from 'kysely';
import { NotFoundError } from '../core/index.ts';
import type { IncidentAction, IncidentAuditEntry } from '../core/index.ts';
import type { Database } from './schema.ts';

/** Who the engine's own changes are attributed to. */
export const ENGINE_ACTOR = 'klaxon';

export async function writeAudit(db: Kysely<Database>, entry: IncidentAuditEntry): Promise<void> {
  await db
    .insertInto('incident_audit')
    .values({
      serial: entry.serial,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      detail: entry.detail ?? null,
    })
    .execute();
}

/** The audit trail of one incident, oldest first; NotFoundError when there is no such incident. */
export async function readHistory(db: Kysely<Database>, serial: number): Promise<IncidentAuditEntry[]> {
  const rows = await db
    .selectFrom('incident_audit')
    .select(['serial', 'at', 'actor', 'action', 'detail'])
    .where('serial', '=', serial)
    .orderBy('id')
    .execute();
  if (rows.length === 0) {
    const exists = await db
      .selectFrom('incidents')
      .select('serial')
      .where('serial', '=', serial)
      .executeTakeFirst();
    if (exists === undefined) throw new NotFoundError(`incident #${serial} does not exist`);
  }
  return rows.map((row) => {
    const entry: IncidentAuditEntry = {
      serial: Number(row.serial),
      at: Number(row.at),
      actor: row.actor,
      action: row.action as IncidentAction,
    };
    if (row.detail !== null) entry.detail = row.detail;
    return entry;
  });
}
