import type { Incident } from '../../core/index.ts';
import { decideGroupNotification, type GroupNotificationReason, type GroupNotified } from './group-dedup.ts';
import { isOpen, listLabels, readLabel, type NoiseIncident } from './noise-incident.ts';

export interface GroupingOptions {
  /** Labels whose values form the group: `rule`, `priority`, group fields; `['...']` for all labels. */
  groupBy: readonly string[];
  /** Part of every group key, so two routes never share a group. Default ''. */
  route?: string;
  /** How long a new group collects before its first notification. Default 30s. */
  groupWaitMs?: number;
  /** How often a group's changes go out at most. Default 5m. */
  groupIntervalMs?: number;
  /** How long an unchanged group with open incidents waits before a reminder. Default 4h. */
  repeatIntervalMs?: number;
  /** Resolutions are changes worth a message. Default true. */
  sendResolved?: boolean;
  /**
   * A new group whose incident opened longer than group_wait ago flushes at once (Alertmanager,
   * whose groups do not survive a restart). Default true; false when `now` is another clock
   * than the incidents' event time (live: the wall clock), where events always look late.
   */
  flushOldAtOnce?: boolean;
}

export type GroupedIncident = NoiseIncident & Pick<Incident, 'openedAt'>;

export interface GroupNotification<T extends GroupedIncident> {
  groupKey: string;
  labels: Record<string, string>;
  /** The group's incidents, open and (when sent) just resolved, by serial. */
  incidents: T[];
  why: GroupNotificationReason;
}

/** One group as plain data, for the store to keep across a restart. */
export interface GroupSnapshot<T> {
  key: string;
  labels: Record<string, string>;
  incidents: T[];
  flushAt: number;
  hasFlushed: boolean;
  notified?: { firing: string[]; resolved: string[]; at: number };
}

interface AggregationGroup<T> {
  key: string;
  labels: Record<string, string>;
  incidents: Map<string, T>;
  flushAt: number;
  hasFlushed: boolean;
  notified: GroupNotified | undefined;
}

/**
 * Alertmanager's aggregation groups, driven by an injected clock: `insert` every incident change,
 * `tick` to collect the group notifications due. A group flushes first `groupWait` after it was
 * created, then every `groupInterval`; each flush notifies only if its membership changed since
 * the last notification, or for a reminder after `repeatInterval`. Resolved incidents leave the
 * group after the flush that reported them, and an empty group is dropped.
 */
export class Grouping<T extends GroupedIncident> {
  private readonly groups = new Map<string, AggregationGroup<T>>();
  private readonly all: boolean;
  private readonly waitMs: number;
  private readonly intervalMs: number;
  private readonly repeatMs: number;
  private readonly sendResolved: boolean;

  constructor(private readonly options: GroupingOptions) {
    this.all = options.groupBy.includes('...');
    this.waitMs = options.groupWaitMs ?? 30_000;
    this.intervalMs = options.groupIntervalMs ?? 300_000;
    this.repeatMs = options.repeatIntervalMs ?? 14_400_000;
    this.sendResolved = options.sendResolved ?? true;
  }

  /** Adds the incident to its group, or replaces the group's copy of it with this newer one. */
  insert(incident: T, now: number): void {
    const labels = this.labelsOf(incident);
    const key = this.keyOf(incident);
    let group = this.groups.get(key);
    if (group === undefined) {
      group = {
        key,
        labels,
        incidents: new Map(),
        flushAt: now + this.waitMs,
        hasFlushed: false,
        notified: undefined,
      };
      this.groups.set(key, group);
    }
    group.incidents.set(incident.episodeId, incident);
    // An incident older than group_wait needs no more waiting (Alertmanager's aggrGroup.insert).
    if (this.options.flushOldAtOnce !== false && !group.hasFlushed && incident.openedAt + this.waitMs < now)
      group.flushAt = now;
  }

  /** Flushes every group that is due at `now` and returns the notifications they need. */
  tick(now: number): GroupNotification<T>[] {
    const due: GroupNotification<T>[] = [];
    for (const group of this.groups.values()) {
      if (group.flushAt > now) continue;
      group.flushAt = now + this.intervalMs;
      group.hasFlushed = true;
      const notification = this.flush(group, now);
      if (notification !== undefined) due.push(notification);
      if (group.incidents.size === 0) this.groups.delete(group.key);
    }
    return due;
  }

  /** The groups as plain data: every group, or those whose keys are given. */
  snapshot(keys?: Iterable<string>): GroupSnapshot<T>[] {
    const groups =
      keys === undefined ? [...this.groups.values()] : [...keys].map((key) => this.groups.get(key));
    return groups.filter((group) => group !== undefined).map(snapshotOf);
  }

  /** Takes back groups a previous process saved; a group already here is replaced. */
  restore(snapshots: readonly GroupSnapshot<T>[]): void {
    for (const saved of snapshots) {
      const notified = saved.notified && {
        firing: new Set(saved.notified.firing),
        resolved: new Set(saved.notified.resolved),
        at: saved.notified.at,
      };
      this.groups.set(saved.key, {
        key: saved.key,
        labels: saved.labels,
        incidents: new Map(saved.incidents.map((incident) => [incident.episodeId, incident])),
        flushAt: saved.flushAt,
        hasFlushed: saved.hasFlushed,
        notified,
      });
    }
  }

  /** Whether the group of this key still exists (an emptied group is dropped at its flush). */
  has(key: string): boolean {
    return this.groups.has(key);
  }

  /** The key of the group the incident falls in. */
  keyOf(incident: T): string {
    return `${this.options.route ?? ''}:${formatLabels(this.labelsOf(incident))}`;
  }

  /** When the next group is due, for the caller's scheduler; undefined with no groups. */
  nextDueAt(): number | undefined {
    let next: number | undefined;
    for (const group of this.groups.values())
      if (next === undefined || group.flushAt < next) next = group.flushAt;
    return next;
  }

  get groupCount(): number {
    return this.groups.size;
  }

  private flush(group: AggregationGroup<T>, now: number): GroupNotification<T> | undefined {
    const firing = new Set<string>();
    const resolved = new Set<string>();
    for (const [episodeId, incident] of group.incidents)
      (isOpen(incident) ? firing : resolved).add(episodeId);
    const why = decideGroupNotification(group.notified, { firing, resolved }, now, {
      repeatIntervalMs: this.repeatMs,
      sendResolved: this.sendResolved,
    });
    const incidents = [...group.incidents.values()]
      .filter((incident) => this.sendResolved || isOpen(incident))
      .sort((a, b) => a.serial - b.serial);
    for (const episodeId of resolved) group.incidents.delete(episodeId);
    if (why === undefined) return undefined;
    group.notified = { firing, resolved, at: now };
    return { groupKey: group.key, labels: group.labels, incidents, why };
  }

  private labelsOf(incident: T): Record<string, string> {
    if (this.all) return listLabels(incident);
    const labels: Record<string, string> = {};
    for (const name of this.options.groupBy) {
      const value = readLabel(incident, name);
      if (value !== undefined) labels[name] = value;
    }
    return labels;
  }
}

function snapshotOf<T>(group: AggregationGroup<T>): GroupSnapshot<T> {
  return {
    key: group.key,
    labels: group.labels,
    incidents: [...group.incidents.values()],
    flushAt: group.flushAt,
    hasFlushed: group.hasFlushed,
    ...(group.notified && {
      notified: {
        firing: [...group.notified.firing],
        resolved: [...group.notified.resolved],
        at: group.notified.at,
      },
    }),
  };
}

/** `{rule="ssh-brute-force-source",source.ip="203.0.113.9"}`, names sorted, values JSON-quoted. */
function formatLabels(labels: Record<string, string>): string {
  const parts = Object.keys(labels)
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`);
  return `{${parts.join(',')}}`;
}
