import type { Kysely } from 'kysely';
import { ConflictError, INCIDENT_TRANSITIONS, NotFoundError } from '../core/index.ts';
import type { Incident, IncidentAction, IncidentStatus, ParseEvidenceLine } from '../core/index.ts';
import { atomically } from './atomically.ts';
import { writeAudit } from './incident-audit.ts';
import { toIncident } from './incident-row.ts';
import type { Database, IncidentTable } from './schema.ts';

type PersonAction = keyof typeof INCIDENT_TRANSITIONS;

interface Change {
  serial: number;
  action: PersonAction;
  columns: Partial<IncidentTable>;
  audit: { at: number; actor: string; action: IncidentAction; detail?: string };
}

/**
 * Applies a person's action with one conditional UPDATE (WHERE status IN the statuses the action
 * allows), so of two people acting at once exactly one succeeds and the other gets a ConflictError.
 */
export function applyPersonAction(
  db: Kysely<Database>,
  change: Change,
  parse: ParseEvidenceLine | undefined,
): Promise<Incident> {
  return atomically(db, async (trx) => {
    const allowed = [...INCIDENT_TRANSITIONS[change.action]];
    const row = await trx
      .updateTable('incidents')
      .set(change.columns)
      .where('serial', '=', change.serial)
      .where('status', 'in', allowed)
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) throw await explainRefusal(trx, change.serial, change.action);
    await writeAudit(trx, { serial: change.serial, ...change.audit });
    return toIncident(row, parse);
  });
}

/** A note changes nothing but the audit trail; it is allowed in every status the transitions allow. */
export function noteIncident(
  db: Kysely<Database>,
  serial: number,
  by: string,
  at: number,
  text: string,
  parse: ParseEvidenceLine | undefined,
): Promise<Incident> {
  return atomically(db, async (trx) => {
    const row = await trx.selectFrom('incidents').selectAll().where('serial', '=', serial).executeTakeFirst();
    if (row === undefined || !INCIDENT_TRANSITIONS.note.includes(row.status as IncidentStatus)) {
      throw await explainRefusal(trx, serial, 'note');
    }
    await writeAudit(trx, { serial, at, actor: by, action: 'noted', detail: text });
    return toIncident(row, parse);
  });
}

async function explainRefusal(trx: Kysely<Database>, serial: number, action: PersonAction): Promise<Error> {
  const row = await trx
    .selectFrom('incidents')
    .select(['status', 'acknowledged_by'])
    .where('serial', '=', serial)
    .executeTakeFirst();
  if (row === undefined) return new NotFoundError(`incident #${serial} does not exist`);
  if (action === 'reopen') return new ConflictError(`incident #${serial} is ${row.status}, not resolved`);
  if (row.status === 'resolved') return new ConflictError(`incident #${serial} is already resolved`);
  if (row.status === 'acknowledged' && action === 'acknowledge') {
    return new ConflictError(
      `incident #${serial} is already acknowledged by ${row.acknowledged_by ?? 'someone'}`,
    );
  }
  return new ConflictError(`cannot ${action} incident #${serial}: it is ${row.status}`);
}
