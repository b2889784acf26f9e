import type { Kysely } from 'kysely';
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
      await db
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
      return toRuleState(row);
    },
    async get(ruleId) {
      const row = await db
        .selectFrom('rule_states')
        .selectAll()
        .where('rule_id', '=', ruleId)
        .executeTakeFirst();
      return row && toRuleState(row);
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
