import { initialMigration } from './0001-initial.ts';
import { outboxMigration } from './0002-outbox.ts';
import { ingestMigration } from './0003-ingest.ts';
import { usersMigration } from './0004-users.ts';
import { incidentSearchMigration } from './0005-incident-search.ts';
import { notificationGroupsMigration } from './0006-notification-groups.ts';
import { escalationsMigration } from './0007-escalations.ts';
import { incidentLifecycleMigration } from './0008-incident-lifecycle.ts';
import { casesMigration } from './0009-cases.ts';
import { minuteCountsMigration } from './0010-minute-counts.ts';
import { incidentSigmaMigration } from './0011-incident-sigma.ts';
import { caseEntitiesMigration } from './0012-case-entities.ts';
import { earlierMinuteCountsMigration } from './0013-earlier-minute-counts.ts';
import { lz4DocumentsMigration } from './0014-lz4-documents.ts';
import type { Migration } from './migration.ts';

export type { Migration, StoreDialect } from './migration.ts';
export { runMigrations } from './run-migrations.ts';

/** Every migration, in version order. Append new ones; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  initialMigration,
  outboxMigration,
  ingestMigration,
  usersMigration,
  incidentSearchMigration,
  notificationGroupsMigration,
  escalationsMigration,
  incidentLifecycleMigration,
  casesMigration,
  minuteCountsMigration,
  incidentSigmaMigration,
  caseEntitiesMigration,
  earlierMinuteCountsMigration,
  lz4DocumentsMigration,
];
