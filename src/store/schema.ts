import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them. Times are epoch milliseconds (BIGINT in PostgreSQL, read back as
 * numbers). JSON values are TEXT in both dialects: the store never queries inside them, TEXT keeps
 * one code path for both, and what was written is what is read back.
 */
export interface Database {
  klaxon_migrations: MigrationTable;
  counters: CounterTable;
  incidents: IncidentTable;
  incident_audit: IncidentAuditTable;
  silences: SilenceTable;
  suppressions: SuppressionTable;
  checkpoints: CheckpointTable;
}

export interface MigrationTable {
  version: number;
  name: string;
  applied_at: number;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface IncidentTable {
  serial: number;
  episode_id: string;
  rule_id: string;
  title: string;
  status: string;
  /** The group as canonical JSON (keys sorted): what "same rule and group" compares. */
  group_key: string;
  group_json: string;
  count: number;
  first_seen: number;
  last_seen: number;
  opened_at: number;
  severity: string;
  confidence: string;
  priority: string;
  attack_json: string;
  runbook: string | null;
  samples_json: string;
  distinct_json: string | null;
  previous_serial: number | null;
  assignee: string | null;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  resolved_at: number | null;
  resolved_by: string | null;
  resolution: string | null;
}

export interface IncidentAuditTable {
  id: Generated<number>;
  serial: number;
  at: number;
  actor: string;
  action: string;
  detail: string | null;
}

export interface SilenceTable {
  id: string;
  matchers_json: string;
  starts_at: number;
  ends_at: number;
  created_by: string;
  comment: string;
  created_at: number;
  expired_at: number | null;
  expired_by: string | null;
}

export interface SuppressionTable {
  rule_id: string;
  reason: string;
  count: number;
}

export interface CheckpointTable {
  name: string;
  data: string;
  at: number;
}

/** The counter row that hands out incident serials. */
export const INCIDENT_SERIAL_COUNTER = 'incident_serial';
