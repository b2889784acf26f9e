import type { Kysely } from 'kysely';
import type { Migration } from './migration.ts';

/**
 * Cases: the incidents of one attack; and the audit of rules switched on or off (rule_audit).
 * A case is named by the serial of its first incident; its
 * entities (`field=value`) and time span decide which later incidents join it. Version 9:
 * 7 is escalation and 8 incident lifecycle, developed at the same time.
 */
export const casesMigration: Migration = {
  version: 9,
  name: 'cases',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('cases')
      .addColumn('id', 'bigint', (c) => c.primaryKey())
      .addColumn('entities_json', 'text', (c) => c.notNull())
      .addColumn('first_seen', 'bigint', (c) => c.notNull())
      .addColumn('last_seen', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cases_last_seen').on('cases').column('last_seen').execute();
    await db.schema.alterTable('incidents').addColumn('case_id', 'bigint').execute();
    await db.schema.createIndex('incidents_case_id').on('incidents').column('case_id').execute();
    // Who switched a rule on or off, when and why: one row per switch, never rewritten.
    await db.schema
      .createTable('rule_audit')
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rule_audit_rule').on('rule_audit').columns(['rule_id', 'at']).execute();
  },
};
