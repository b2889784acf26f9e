import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { CheckpointRepository } from './store.ts';

export function createCheckpointRepository(db: Kysely<Database>): CheckpointRepository {
  return {
    async save(name, data, at) {
      await db
        .insertInto('checkpoints')
        .values({ name, data, at })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet((eb) => ({ data: eb.ref('excluded.data'), at: eb.ref('excluded.at') })),
        )
        .execute();
    },
    async load(name) {
      const row = await db
        .selectFrom('checkpoints')
        .select(['data', 'at'])
        .where('name', '=', name)
        .executeTakeFirst();
      return row === undefined ? undefined : { data: row.data, at: Number(row.at) };
    },
  };
}
