import type { Kysely } from 'kysely';
import { InputError } from '../core/index.ts';
import type { Database } from './schema.ts';
import type { SuppressionRepository } from './store.ts';

/** One counter row per rule and reason, added to with an upsert so concurrent writers never lose counts. */
export function createSuppressionRepository(db: Kysely<Database>): SuppressionRepository {
  return {
    async add(ruleId, reason, count) {
      if (!Number.isSafeInteger(count) || count < 0)
        throw new InputError(`a suppression count must be a whole number of at least 0, not ${count}`);
      if (count === 0) return;
      await db
        .insertInto('suppressions')
        .values({ rule_id: ruleId, reason, count })
        .onConflict((oc) =>
          oc
            .columns(['rule_id', 'reason'])
            .doUpdateSet((eb) => ({ count: eb('suppressions.count', '+', eb.ref('excluded.count')) })),
        )
        .execute();
    },
    async totals() {
      const rows = await db
        .selectFrom('suppressions')
        .selectAll()
        .orderBy('rule_id')
        .orderBy('reason')
        .execute();
      return rows.map((row) => ({ ruleId: row.rule_id, reason: row.reason, count: Number(row.count) }));
    },
  };
}
