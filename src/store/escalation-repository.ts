import type { Kysely } from 'kysely';
import { ENGINE_ACTOR, writeAudit } from './incident-audit.ts';
import type { Database, EscalationTable } from './schema.ts';
import type { EscalationRepository, EscalationRow } from './store.ts';

export function createEscalationRepository(db: Kysely<Database>): EscalationRepository {
  return {
    async start(rows) {
      for (const row of rows) {
        await db
          .insertInto('incident_escalations')
          .values({
            serial: row.serial,
            route: row.route,
            started_at: row.startedAt,
            fired: 0,
            due_at: row.dueAt,
          })
          .onConflict((oc) => oc.columns(['serial', 'route']).doNothing())
          .execute();
      }
    },
    async due(now, limit = 100) {
      const rows = await db
        .selectFrom('incident_escalations')
        .selectAll()
        .where('due_at', '<=', now)
        .orderBy('due_at')
        .orderBy('serial')
        .limit(limit)
        .execute();
      return rows.map(toRow);
    },
    async nextDueAt() {
      const row = await db
        .selectFrom('incident_escalations')
        .select((eb) => eb.fn.min('due_at').as('next'))
        .executeTakeFirst();
      return row?.next === null || row?.next === undefined ? undefined : Number(row.next);
    },
    async fired({ serial, route, from, fired, dueAt }, audit) {
      const changed =
        dueAt === undefined
          ? await db
              .deleteFrom('incident_escalations')
              .where('serial', '=', serial)
              .where('route', '=', route)
              .where('fired', '=', from)
              .executeTakeFirst()
          : await db
              .updateTable('incident_escalations')
              .set({ fired, due_at: dueAt })
              .where('serial', '=', serial)
              .where('route', '=', route)
              .where('fired', '=', from)
              .executeTakeFirst();
      const rows = 'numDeletedRows' in changed ? changed.numDeletedRows : changed.numUpdatedRows;
      if (Number(rows) === 0) return false;
      for (const { at, detail } of audit) {
        await writeAudit(db, { serial, at, actor: ENGINE_ACTOR, action: 'escalated', detail });
      }
      return true;
    },
    async stop(serial) {
      await db.deleteFrom('incident_escalations').where('serial', '=', serial).execute();
    },
    async list() {
      const rows = await db
        .selectFrom('incident_escalations')
        .selectAll()
        .orderBy('serial')
        .orderBy('route')
        .execute();
      return rows.map(toRow);
    },
  };
}

function toRow(row: EscalationTable): EscalationRow {
  return {
    serial: Number(row.serial),
    route: row.route,
    startedAt: Number(row.started_at),
    fired: Number(row.fired),
    dueAt: Number(row.due_at),
  };
}
