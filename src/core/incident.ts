import type { Detection } from './detection.ts';
import type { MinuteCount } from './minute-counts.ts';
import type { SecurityEvent } from './event.ts';
import type { Confidence, Priority, Severity } from './severity.ts';

export const INCIDENT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** The ticket for one episode of one rule on one group key. Times are epoch milliseconds. */
export interface Incident {
  /** Gap-free per deployment, in the order incidents opened: #1, #2, ... */
  serial: number;
  episodeId: string;
  ruleId: string;
  title: string;
  status: IncidentStatus;
  group: Record<string, string>;
  /** Matching events in the episode. */
  count: number;
  firstSeen: number;
  lastSeen: number;
  /** Event time at which the rule's condition first held. */
  openedAt: number;
  severity: Severity;
  confidence: Confidence;
  priority: Priority;
  /** MITRE ATT&CK technique ids. */
  attack: string[];
  runbook?: string;
  /** The Sigma rule the incident's rule was compiled from: shown with the incident, references linked. */
  sigma?: SigmaRuleRef;
  /** Evidence: the first few and the latest few matching events. */
  samples: SecurityEvent[];
  distinct?: Detection['distinct'];
  /** The serial of the previous incident of the same rule and group, when there was one. */
  previousSerial?: number;
  assignee?: string;
  acknowledgedAt?: number;
  acknowledgedBy?: string;
  resolvedAt?: number;
  /** `klaxon` when the condition went quiet for resolve_after, else the person. */
  resolvedBy?: string;
  resolution?: string;
  /**
   * The burst ended then (no matching event for resolve_after) but the incident stays open: its
   * rule is `resolve: manual`, or a person acknowledged it. A new burst clears it.
   */
  quietSince?: number;
  /** The case (one attack) this incident belongs to: incidents about the same entity at overlapping times. */
  caseId?: number;
  /** Matching events per minute of event time, oldest first (see minute-counts.ts). */
  minuteCounts?: MinuteCount[];
}

/** What messages and the dashboard show of a Sigma rule. */
export interface SigmaRuleRef {
  id?: string;
  title: string;
  author?: string;
  /** Links (or text) the rule names as its sources. */
  references: string[];
  falsepositives: string[];
  status?: string;
  level?: string;
}

/** One attack: incidents about the same address, account or host at overlapping times. */
export interface IncidentCase {
  id: number;
  /** `field=value`, e.g. `source.ip=203.0.113.7`. */
  entities: string[];
  firstSeen: number;
  lastSeen: number;
  /** Member incidents, in the order they joined. */
  serials: number[];
}

/** Who may do what to an incident in which status. Anything else is an invalid transition. */
export const INCIDENT_TRANSITIONS: Record<
  'acknowledge' | 'resolve' | 'assign' | 'note' | 'reopen',
  readonly IncidentStatus[]
> = {
  acknowledge: ['open'],
  resolve: ['open', 'acknowledged'],
  assign: ['open', 'acknowledged'],
  note: ['open', 'acknowledged', 'resolved'],
  reopen: ['resolved'],
};

export type IncidentAction =
  'opened' | 'updated' | 'acknowledged' | 'assigned' | 'noted' | 'resolved' | 'escalated' | 'reopened';

/** One line of an incident's audit trail: who did what, when. */
export interface IncidentAuditEntry {
  serial: number;
  /** Wall-clock time of the change (event time for the engine's own opened/updated/resolved). */
  at: number;
  actor: string;
  action: IncidentAction;
  /** A note, a resolution, the new assignee, or counts for updates. */
  detail?: string;
}
