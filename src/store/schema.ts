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
  notification_groups: NotificationGroupTable;
  group_messages: GroupMessageTable;
  incident_escalations: EscalationTable;
  api_tokens: ApiTokenTable;
  ingest_journal: IngestJournalTable;
  users: UserTable;
  sessions: SessionTable;
  rule_states: RuleStateTable;
  cases: CaseTable;
  case_entities: CaseEntityTable;
  rule_audit: RuleAuditTable;
}

export interface RuleAuditTable {
  rule_id: string;
  at: number;
  actor: string;
  enabled: number;
  reason: string;
}

/** One entity of one case (the cases about an entity, by index). */
export interface CaseEntityTable {
  entity: string;
  case_id: number;
}

export interface CaseTable {
  id: number;
  entities_json: string;
  first_seen: number;
  last_seen: number;
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
  /** The group's values, lowercase, one a line: what a search matches (never field names). */
  group_values: string;
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
  case_id: number | null;
  quiet_since: number | null;
  earlier_count: number;
  /** JSON `[[minuteStartMs, events], ...]`; null for incidents from before version 10. */
  minute_counts: string | null;
  /** The minutes of the earlier bursts of an incident a later burst went on in (version 13). */
  earlier_minute_counts?: string | null;
  /** The Sigma rule the incident's rule came from (JSON), when it did. */
  sigma_json?: string | null;
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

export interface NotificationGroupTable {
  route: string;
  group_key: string;
  state: string;
  at: number;
}

export interface GroupMessageTable {
  serial: number;
  route: string;
  group_key: string;
  at: number;
  serials_json: string;
}

export interface EscalationTable {
  serial: number;
  route: string;
  started_at: number;
  fired: number;
  due_at: number;
}

export interface CheckpointTable {
  name: string;
  data: string;
  at: number;
}

export interface ApiTokenTable {
  id: string;
  name: string;
  /** SHA-256 of the token, hex: tokens are random, so a fast hash is enough and lookups stay exact. */
  hash: string;
  scopes_json: string;
  service: string | null;
  created_at: number;
  created_by: string;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface IngestJournalTable {
  id: Generated<number>;
  received_at: number;
  token_id: string;
  count: number;
  events_ndjson: string;
}

export interface UserTable {
  name: string;
  /** argon2id, PHC string format. */
  password_hash: string;
  role: string;
  created_at: number;
  disabled_at: number | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie value, hex: whoever reads the table cannot log in with it. */
  id: string;
  user_name: string;
  csrf_token: string;
  created_at: number;
  /** The absolute end; the idle end (last_seen_at + idle time) is the caller's policy. */
  expires_at: number;
  last_seen_at: number;
}

export interface RuleStateTable {
  rule_id: string;
  /** 1 or 0. */
  enabled: number;
  changed_by: string;
  changed_at: number;
}

/** The counter row that hands out incident serials. */
export const INCIDENT_SERIAL_COUNTER = 'incident_serial';
