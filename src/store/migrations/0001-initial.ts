import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Migration, StoreDialect } from './migration.ts';

/** Incidents with their audit trail, the serial counter, silences, suppression counts, checkpoints. */
export const initialMigration: Migration = {
  version: 1,
  name: 'initial',
  async up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
    await db.schema
      .createTable('counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into counters (name, value) values ('incident_serial', 0)`.execute(db);

    await db.schema
      .createTable('incidents')
      .addColumn('serial', 'integer', (c) => c.primaryKey())
      .addColumn('episode_id', 'text', (c) => c.notNull().unique())
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('open', 'acknowledged', 'resolved')`),
      )
      .addColumn('group_key', 'text', (c) => c.notNull())
      .addColumn('group_json', 'text', (c) => c.notNull())
      .addColumn('count', 'bigint', (c) => c.notNull())
      .addColumn('first_seen', 'bigint', (c) => c.notNull())
      .addColumn('last_seen', 'bigint', (c) => c.notNull())
      .addColumn('opened_at', 'bigint', (c) => c.notNull())
      .addColumn('severity', 'text', (c) => c.notNull())
      .addColumn('confidence', 'text', (c) => c.notNull())
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('attack_json', 'text', (c) => c.notNull())
      .addColumn('runbook', 'text')
      .addColumn('samples_json', 'text', (c) => c.notNull())
      .addColumn('distinct_json', 'text')
      .addColumn('previous_serial', 'integer', (c) => c.references('incidents.serial'))
      .addColumn('assignee', 'text')
      .addColumn('acknowledged_at', 'bigint')
      .addColumn('acknowledged_by', 'text')
      .addColumn('resolved_at', 'bigint')
      .addColumn('resolved_by', 'text')
      .addColumn('resolution', 'text')
      .execute();
    await db.schema
      .createIndex('incidents_rule_group')
      .on('incidents')
      .columns(['rule_id', 'group_key', 'serial'])
      .execute();
    await db.schema.createIndex('incidents_status').on('incidents').columns(['status', 'serial']).execute();
    await db.schema
      .createIndex('incidents_priority')
      .on('incidents')
      .columns(['priority', 'serial'])
      .execute();

    await db.schema
      .createTable('incident_audit')
      .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('serial', 'integer', (c) => c.notNull().references('incidents.serial'))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .execute();
    await db.schema
      .createIndex('incident_audit_serial')
      .on('incident_audit')
      .columns(['serial', 'id'])
      .execute();

    await db.schema
      .createTable('silences')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('matchers_json', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'bigint', (c) => c.notNull())
      .addColumn('ends_at', 'bigint', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('comment', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expired_at', 'bigint')
      .addColumn('expired_by', 'text')
      .execute();
    await db.schema.createIndex('silences_ends_at').on('silences').column('ends_at').execute();

    await db.schema
      .createTable('suppressions')
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('count', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('suppressions_pk', ['rule_id', 'reason'])
      .execute();

    await db.schema
      .createTable('checkpoints')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
