import type { Kysely } from 'kysely';
import { groupSearchText } from '../group-key.ts';
import type { Migration } from './migration.ts';

/**
 * The group values of each incident as one lowercase text (`203.0.113.9\nalice`), so a search for
 * an address or a user name looks at values only, never at field names, in both dialects.
 */
export const incidentSearchMigration: Migration = {
  version: 5,
  name: 'incident-search',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('incidents')
      .addColumn('group_values', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    const incidents = db as Kysely<{
      incidents: { serial: number; group_json: string; group_values: string };
    }>;
    const rows = await incidents.selectFrom('incidents').select(['serial', 'group_json']).execute();
    for (const row of rows) {
      await incidents
        .updateTable('incidents')
        .set({ group_values: groupSearchText(JSON.parse(row.group_json) as Record<string, string>) })
        .where('serial', '=', row.serial)
        .execute();
    }
  },
};
