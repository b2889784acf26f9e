import type { Incident } from './incident.ts';

export type NotificationKind =
  | 'opened'
  | 'updated'
  | 'resolved'
  | 'flapping-started'
  | 'flapping-stopped'
  | 'digest'
  | 'group'
  | 'heartbeat'
  | 'meta'
  | 'test'
  | 'escalated'
  | 'person-action';

/** What a person did to an incident, as channels that were told about it hear of it. */
export const PERSON_ACTIONS = ['ack', 'assign', 'note', 'resolve', 'reopen'] as const;
export type PersonActionName = (typeof PERSON_ACTIONS)[number];

export interface PersonActionNotice {
  action: PersonActionName;
  /** Who did it (the Klaxon user name). */
  by: string;
  at: number;
  /** The note, the resolution, the reason, or the new assignee. */
  text?: string;
}

/**
 * One message for one channel, as the outbox holds it until delivered. Rendering turns it into
 * the channel's payload; nothing in it is secret.
 */
export interface Notification {
  /** Stable across retries and restarts, so receivers can drop a duplicate (idempotency key). */
  id: string;
  kind: NotificationKind;
  /** Name of the configured channel (`soc-telegram`), and its own message number: a gap shows a loss. */
  channel: string;
  sequence: number;
  /** `full`: user, address, counts, window, ATT&CK, runbook, link. `link`: only "incident #42, P1, open the dashboard". */
  detail: 'full' | 'link';
  /** The incident as it stood when the notification was made (opened/updated/resolved/flapping). */
  incident?: Incident;
  /** Detections held back by noise control since the previous message about this incident. */
  suppressedSince?: number;
  /** Digest: the incidents it summarizes. */
  digest?: { incidents: Incident[]; from: number; to: number };
  /** Group (a route's `group_by`): the group's incidents in one message, and why it went out now. */
  group?: NotificationGroup;
  /** Escalation: the incident stayed unacknowledged this long, and this step of its route's `escalate:` fired. */
  escalation?: { step: number; unacknowledgedMs: number };
  /** Heartbeat: Klaxon is alive. */
  heartbeat?: { lastSerial: number; deadLetters: number };
  /** Meta-alert text (a channel went dead, a source went silent) or a test message. */
  text?: string;
  /** Where the dashboard shows the incident, when the server has a public URL. */
  dashboardUrl?: string;
  /** The incident's case (its attack) and earlier incidents about the same address, account or host. */
  case?: CaseNote;
  createdAt: number;
  /** Person action: who did what to `incident` (the incident as it stands after it). */
  personAction?: PersonActionNotice;
  /**
   * The channel's own id of its first message about the incident (a Telegram message id), when
   * the outbox knows it: a person action is sent as a reply to it.
   */
  replyTo?: string;
  /** Made by `replay --notify` from past events: the message must say so, nobody should act as if live. */
  replay?: boolean;
}

/** An incident as a case message lists it. */
export interface CaseMember {
  serial: number;
  title: string;
  priority: string;
  status: string;
  resolution?: string;
}

/** How many of a case's incidents a message lists: the first and the newest. */
export const CASE_MEMBERS_SHOWN = 10;

export interface CaseNote {
  /** The case number: the serial of its first incident. */
  id: number;
  /**
   * The case's incidents so far, this one included: its first and its newest ones, at most
   * CASE_MEMBERS_SHOWN (a long attack's case can hold hundreds).
   */
  members: CaseMember[];
  /** How many incidents the case holds (absent in notes written before it was kept: members). */
  total?: number;
  /** Earlier incidents about the same entities in other cases, newest first, with how they ended. */
  related: CaseMember[];
}

/** One message for a group of incidents (Alertmanager's aggregation group). */
export interface NotificationGroup {
  /** The route and the group's label values: stable for the group's life. */
  key: string;
  route: string;
  /** The `group_by` labels and the values the incidents share. */
  labels: Record<string, string>;
  /** Open incidents and those resolved since the last message, by serial. */
  incidents: Incident[];
  /** `initial`: the group's first message; `changed`: members came or went; `repeat`: a reminder. */
  why: 'initial' | 'changed' | 'repeat';
}
