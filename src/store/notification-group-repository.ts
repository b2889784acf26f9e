import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { NotificationGroupRepository } from './store.ts';

export function createNotificationGroupRepository(db: Kysely<Database>): NotificationGroupRepository {
  return {
    async save(groups, at) {
      for (const { route, key, state } of groups) {
        await db
          .insertInto('notification_groups')
          .values({ route, group_key: key, state, at })
          .onConflict((oc) =>
            oc
              .columns(['route', 'group_key'])
              .doUpdateSet((eb) => ({ state: eb.ref('excluded.state'), at: eb.ref('excluded.at') })),
          )
          .execute();
      }
    },
    async remove(groups) {
      for (const { route, key } of groups) {
        await db
          .deleteFrom('notification_groups')
          .where('route', '=', route)
          .where('group_key', '=', key)
          .execute();
      }
    },
    async list() {
      const rows = await db
        .selectFrom('notification_groups')
        .select(['route', 'group_key', 'state'])
        .orderBy('route')
        .orderBy('group_key')
        .execute();
      return rows.map((row) => ({ route: row.route, key: row.group_key, state: row.state }));
    },
    async recordMessage({ route, key, serials, at }) {
      const serialsJson = JSON.stringify(serials);
      const rows = [...new Set(serials)].map((serial) => ({
        serial,
        route,
        group_key: key,
        at,
        serials_json: serialsJson,
      }));
      if (rows.length === 0) return;
      await db
        .insertInto('group_messages')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    async messagesOf(serial) {
      const rows = await db
        .selectFrom('group_messages')
        .select(['route', 'group_key', 'at', 'serials_json'])
        .where('serial', '=', serial)
        .orderBy('at', 'desc')
        .execute();
      return rows.map((row) => ({
        route: row.route,
        key: row.group_key,
        at: Number(row.at),
        serials: JSON.parse(row.serials_json) as number[],
      }));
    },
  };
}
