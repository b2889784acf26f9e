import type { Kysely } from 'kysely';
import { atomically } from './atomically.ts';
import type { Database, RuleStateTable } from './schema.ts';
import type { RuleState, RuleStateRepository } from './users.ts';

export function createRuleStateRepository(db: Kysely<Database>): RuleStateRepository {
  return {
    async set(state) {
      const row: RuleStateTable = {
        rule_id: state.ruleId,
        enabled: state.enabled ? 1 : 0,
        changed_by: state.changedBy,
        changed_at: state.changedAt,
      };
      // The state and its audit row land together.
      await atomically(db, async (trx) => {
        await trx
          .insertInto('rule_states')
          .values(row)
          .onConflict((oc) =>
            oc.column('rule_id').doUpdateSet((eb) => ({
              enabled: eb.ref('excluded.enabled'),
              changed_by: eb.ref('excluded.changed_by'),
              changed_at: eb.ref('excluded.changed_at'),
            })),
          )
          .execute();
        if (state.reason !== undefined) {
          await trx
            .insertInto('rule_audit')
            .values({
              rule_id: row.rule_id,
              at: row.changed_at,
              actor: row.changed_by,
              enabled: row.enabled,
              reason: state.reason,
            })
            .execute();
        }
      });
      return state.reason === undefined ? toRuleState(row) : { ...toRuleState(row), reason: state.reason };
    },
    async get(ruleId) {
      const row = await db
        .selectFrom('rule_states')
        .selectAll()
        .where('rule_id', '=', ruleId)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const last = await db
        .selectFrom('rule_audit')
        .select('reason')
        .where('rule_id', '=', ruleId)
        .orderBy('at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return last === undefined ? toRuleState(row) : { ...toRuleState(row), reason: last.reason };
    },
    async history(ruleId) {
      const rows = await db
        .selectFrom('rule_audit')
        .selectAll()
        .where('rule_id', '=', ruleId)
        .orderBy('at')
        .execute();
      return rows.map((row) => ({
        ruleId: row.rule_id,
        enabled: Number(row.enabled) === 1,
        changedBy: row.actor,
        changedAt: Number(row.at),
        reason: row.reason,
      }));
    },
    async list() {
      const rows = await db.selectFrom('rule_states').selectAll().orderBy('rule_id').execute();
      return rows.map(toRuleState);
    },
  };
}

function toRuleState(row: RuleStateTable): RuleState {
  return {
    ruleId: row.rule_id,
    enabled: Number(row.enabled) === 1,
    changedBy: row.changed_by,
    changedAt: Number(row.changed_at),
  };
}
