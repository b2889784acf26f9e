import type { Detection, Incident, IncidentAuditEntry, IncidentStatus, Priority } from '../core/index.ts';
import type { ApiTokenRepository, IngestJournalRepository } from './ingest.ts';
import type { OutboxRepository } from './outbox.ts';
import type { CaseRepository } from './case-repository.ts';
import type { RuleStateRepository, SessionRepository, UserRepository } from './users.ts';

/**
 * The persistence contract. One implementation over Kysely with two dialects: SQLite
 * (better-sqlite3, WAL; the default, embedded) and PostgreSQL (several instances on one database).
 * Every method is one transaction of its own unless called on the `tx` handed to `transaction`.
 * Times are epoch milliseconds.
 */
export interface Store extends StoreOperations {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `work` in one transaction: all its writes land together or not at all. */
  transaction<T>(work: (tx: StoreOperations) => Promise<T>): Promise<T>;
  /**
   * Calls `listener` once rows were enqueued into the outbox by this process and committed (after
   * the transaction that enqueued them): the delivery loop wakes on it instead of polling.
   * Returns the function that stops listening.
   */
  onOutboxEnqueued(listener: () => void): () => void;
  close(): Promise<void>;
}

export interface StoreOperations {
  incidents: IncidentRepository;
  silences: SilenceRepository;
  suppressions: SuppressionRepository;
  checkpoints: CheckpointRepository;
  /** Grouping state of routes with `group_by`, and the group messages sent. */
  notificationGroups: NotificationGroupRepository;
  /** Escalation state of open incidents, per route (`escalate:`). */
  escalations: EscalationRepository;
  /** The durable outbox (one file of its own: `outbox.ts`). */
  outbox: OutboxRepository;
  /** Bearer tokens of the HTTP API (hashed) and the journal of accepted ingest requests (`ingest.ts`). */
  apiTokens: ApiTokenRepository;
  ingestJournal: IngestJournalRepository;
  /** The dashboard's people, their sessions, and rules switched on or off by them (`users.ts`). */
  users: UserRepository;
  sessions: SessionRepository;
  ruleStates: RuleStateRepository;
  /** Cases: incidents of one attack (`case-repository.ts`). */
  cases: CaseRepository;
}

/** What the engine knows when an episode opens; the store adds the serial and the status. */
export type NewIncident = Omit<
  Incident,
  | 'serial'
  | 'status'
  | 'previousSerial'
  | 'assignee'
  | 'acknowledgedAt'
  | 'acknowledgedBy'
  | 'resolvedAt'
  | 'resolvedBy'
  | 'resolution'
  | 'caseId'
  | 'quietSince'
  | 'minuteCounts'
> & {
  /** The episode's events per minute, as the engine counted them (else its count spread over first..last). */
  minutes?: Incident['minuteCounts'];
};

/** The engine's later view of an open episode. */
export type IncidentProgress = Pick<Incident, 'count' | 'firstSeen' | 'lastSeen'> & {
  /**
   * The episode's evidence. Absent: the same as the episode's last write gave (the writer knows
   * no event matched since), and the stored samples stay: they are most of a row.
   */
  samples?: Incident['samples'];
  distinct?: Detection['distinct'];
  /**
   * The episode's events per minute, as the engine counted them: the incident's minutes when it
   * has no earlier burst, whenever the update is written. Without them (or after an earlier
   * burst), what the count grew by goes to the minute of last seen.
   */
  minutes?: Detection['minutes'];
};

export interface IncidentFilter {
  status?: IncidentStatus[];
  priority?: Priority[];
  ruleId?: string;
  /** Part of a group value (an address, a user name), case ignored; field names never match. */
  q?: string;
  /** Opened (event time) at or after this time. */
  openedFrom?: number;
  /** Serials from this one on (a replay reads back the incidents it opened, not the store's history). */
  serialFrom?: number;
  /** Newest first by default; `priority`: P1 first, newest first within a priority. */
  order?: 'newest' | 'oldest' | 'priority';
  limit?: number;
  offset?: number;
}

export interface IncidentRepository {
  /**
   * Opens an incident: takes the next serial (gap-free, also with several instances writing to
   * one PostgreSQL), links the previous incident of the same rule and group, writes the audit line.
   */
  open(incident: NewIncident): Promise<Incident>;
  /**
   * The engine is about to open these (a batch of its writes). In a store transaction, what opening
   * them needs is read now in a few statements and their rows are written at its end, instead of
   * one INSERT each; elsewhere nothing happens. `open` gives the same incidents either way.
   */
  expectOpens(incidents: readonly NewIncident[]): Promise<void>;
  /** Updates counts, last seen and evidence of the open incident of an episode; undefined when none. */
  progress(episodeId: string, progress: IncidentProgress): Promise<Incident | undefined>;
  /** `progress` of many episodes at once, in fewer statements; the results in the same order. */
  progressMany(
    updates: readonly { episodeId: string; progress: IncidentProgress }[],
  ): Promise<(Incident | undefined)[]>;
  /**
   * A new burst of a rule and group whose incident is still open: that incident takes the new
   * episode (its count goes on) instead of a twin opening. Undefined when none is open.
   */
  continueBurst(incident: NewIncident): Promise<Incident | undefined>;
  /**
   * The episode ended (its condition stayed false for resolve_after). An open incident of an auto
   * rule resolves; a manual one (`manual`) or an acknowledged one only records `quietSince`.
   * Resolved incidents are left as they are (undefined).
   */
  resolveEpisode(
    episodeId: string,
    at: number,
    progress: IncidentProgress,
    options?: { manual?: boolean },
  ): Promise<Incident | undefined>;
  get(serial: number): Promise<Incident | undefined>;
  findByEpisode(episodeId: string): Promise<Incident | undefined>;
  list(filter?: IncidentFilter): Promise<Incident[]>;
  /**
   * The incidents of these serials (those the store holds), by serial. Their samples, most of a
   * row, are parsed at their first read: a replay returns every incident it wrote, and its callers
   * read the samples of few of them. In a transaction, those it wrote are made from the rows it
   * keeps rather than read again (the same incidents; a replay reads back tens of MB it just wrote).
   */
  bySerials(serials: readonly number[]): Promise<Incident[]>;
  /** How many incidents match the filter, ignoring its order, limit and offset. */
  count(filter?: IncidentFilter): Promise<number>;
  /** Person actions. NotFoundError for an unknown serial, ConflictError for a transition the status does not allow. */
  acknowledge(serial: number, by: string, at: number, note?: string): Promise<Incident>;
  assign(serial: number, assignee: string, by: string, at: number): Promise<Incident>;
  note(serial: number, by: string, at: number, text: string): Promise<Incident>;
  resolve(serial: number, by: string, at: number, resolution: string): Promise<Incident>;
  /** A resolved incident is open again (the reason goes in the audit trail). */
  reopen(serial: number, by: string, at: number, reason?: string): Promise<Incident>;
  /** The audit trail, oldest first. */
  history(serial: number): Promise<IncidentAuditEntry[]>;
}

export interface SilenceMatcher {
  /** `rule` for the rule id, or an event field of the incident's group (`source.ip`). */
  field: string;
  value: string;
  /** The value is a regular expression matched against the whole field value. */
  regex?: boolean;
}

export interface Silence {
  id: string;
  matchers: SilenceMatcher[];
  startsAt: number;
  endsAt: number;
  createdBy: string;
  comment: string;
  createdAt: number;
  /** When someone expired it before its end. */
  expiredAt?: number;
  expiredBy?: string;
}

export type NewSilence = Omit<Silence, 'id' | 'createdAt' | 'expiredAt' | 'expiredBy'>;

export interface SilenceRepository {
  add(silence: NewSilence, at: number): Promise<Silence>;
  get(id: string): Promise<Silence | undefined>;
  /** Silences in force at `at` (started, not ended, not expired); every silence when `at` is omitted. */
  list(options?: { activeAt?: number }): Promise<Silence[]>;
  /** Ends a silence now. NotFoundError for an unknown id, ConflictError when already ended. */
  expire(id: string, by: string, at: number): Promise<Silence>;
}

/** Every suppression is counted with its reason: nothing is dropped silently. */
export interface SuppressionRepository {
  add(ruleId: string, reason: string, count: number): Promise<void>;
  /** Totals by rule and reason. */
  totals(): Promise<{ ruleId: string; reason: string; count: number }[]>;
}

/** One aggregation group of a route; `state` is the routing stage's own JSON. */
export interface SavedGroupRow {
  route: string;
  key: string;
  state: string;
}

/** One group message: the incidents it listed. */
export interface GroupMessageRow {
  route: string;
  key: string;
  serials: number[];
  at: number;
}

export interface NotificationGroupRepository {
  /** Saves each group, replacing a saved one of the same route and key. */
  save(groups: readonly SavedGroupRow[], at: number): Promise<void>;
  remove(groups: readonly Pick<SavedGroupRow, 'route' | 'key'>[]): Promise<void>;
  list(): Promise<SavedGroupRow[]>;
  recordMessage(message: GroupMessageRow): Promise<void>;
  /** The group messages that listed the incident, newest first. */
  messagesOf(serial: number): Promise<GroupMessageRow[]>;
}

/** Where one incident's escalation along one route stands. */
export interface EscalationRow {
  serial: number;
  route: string;
  /** When the opening notification went out: the steps' `after` count from here. */
  startedAt: number;
  /** How many firings of the route's schedule went out. */
  fired: number;
  dueAt: number;
}

export interface EscalationRepository {
  /** Starts escalations; one already started for the same incident and route is kept as it is. */
  start(rows: readonly Omit<EscalationRow, 'fired'>[]): Promise<void>;
  /** Escalations due at `now`, earliest first. */
  due(now: number, limit?: number): Promise<EscalationRow[]>;
  nextDueAt(): Promise<number | undefined>;
  /**
   * Records firings: the count moves from `from` to `fired` and the next due time is set, or the
   * escalation ends (`dueAt` undefined), with one audit line per step sent. False, and nothing
   * written, when the count is no longer `from` (another instance fired it first).
   */
  fired(
    row: Pick<EscalationRow, 'serial' | 'route' | 'fired'> & { from: number; dueAt: number | undefined },
    audit: readonly { at: number; detail: string }[],
  ): Promise<boolean>;
  /** Ends every escalation of an incident (acknowledged or resolved). */
  stop(serial: number): Promise<void>;
  list(): Promise<EscalationRow[]>;
}

/**
 * Named, opaque state that must survive a restart together with the incidents written in the
 * same transaction: detection window snapshots, input positions.
 */
export interface CheckpointRepository {
  save(name: string, data: string, at: number): Promise<void>;
  load(name: string): Promise<{ data: string; at: number } | undefined>;
}
