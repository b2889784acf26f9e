// The shapes the REST API sends (api-contract.md). Incidents and silences are the server's own
// types; the views below exist only on the wire.
import type {
  CaseNote,
  Incident,
  IncidentAuditEntry,
  IncidentStatus,
  Priority,
} from '../../src/core/index.ts';

export type { CaseMember, CaseNote } from '../../src/core/index.ts';
import type { Silence, SilenceMatcher } from '../../src/store/store.ts';

export type { Incident, IncidentAuditEntry, IncidentStatus, Priority, Silence, SilenceMatcher };

export type Role = 'viewer' | 'responder' | 'admin';

export interface User {
  name: string;
  role: Role;
}

export interface SessionInfo {
  user: User;
  csrfToken: string;
}

export type IncidentSort = 'newest' | 'oldest' | 'priority';

export interface IncidentQuery {
  status?: IncidentStatus[];
  priority?: Priority[];
  rule?: string;
  q?: string;
  sort?: IncidentSort;
  limit?: number;
  offset?: number;
}

export interface IncidentPage {
  items: Incident[];
  total: number;
}

export interface TimelinePoint {
  at: number;
  count: number;
}

export interface IncidentDetail {
  incident: Incident;
  history: IncidentAuditEntry[];
  timeline: TimelinePoint[];
  /** One readable line per incident.samples entry, in the same order. */
  evidence?: { at: string; summary: string }[];
  /** Group messages (routes with `group_by`) that listed the incident, newest first. */
  groupMessages?: GroupMessage[];
  /** Its case (the incidents of one attack) and earlier incidents about the same entities. */
  case?: CaseNote | null;
}

export interface GroupMessage {
  route: string;
  key: string;
  serials: number[];
  at: number;
}

export interface ChannelView {
  name: string;
  type: string;
  detail: string;
  lastSentAt?: number;
  lastFailedAt?: number;
  lastFailure?: { reason: string; message: string; at?: number };
  pending: number;
  dead: number;
}

export interface ValueCount {
  value: string;
  count: number;
}

export interface Overview {
  days: string[];
  byPriority: Record<Priority, number[]>;
  topSources: ValueCount[];
  topAccounts: ValueCount[];
  open: Record<Priority, number>;
  channels: ChannelView[];
}

export interface RuleView {
  id: string;
  title: string;
  type: string;
  enabled: boolean;
  severity: string;
  confidence: string;
  priority: Priority;
  threshold?: number;
  /** Milliseconds: the sliding window (sequence: the span of the steps; absence: the silence that counts). */
  window?: number;
  groupBy: string[];
  attack: string[];
  description?: string;
}

export interface BacktestRequest {
  thresholds: number[];
  days?: number;
  events?: string;
}

export interface BacktestResult {
  days: string[];
  series: { threshold: number; incidents: number[] }[];
  events: number;
}

export interface NewSilenceRequest {
  matchers: SilenceMatcher[];
  duration?: string;
  startsAt?: number;
  endsAt?: number;
  comment: string;
}

/** What a silence with these matchers would do (`POST /silences/preview`). */
export interface SilencePreview {
  warnings: string[];
  incidents: Pick<Incident, 'serial' | 'title' | 'priority' | 'status' | 'group'>[];
}

export interface IncidentCase {
  id: number;
  entities: string[];
  firstSeen: number;
  lastSeen: number;
  serials: number[];
}

export interface DurationFigures {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface ResponseTimes {
  acknowledge: DurationFigures;
  resolve: DurationFigures;
  autoResolved: number;
}

export interface ResponseTimeReport {
  days: number;
  overall: ResponseTimes;
  byPriority: Record<string, ResponseTimes>;
  byRule: Record<string, ResponseTimes>;
}
