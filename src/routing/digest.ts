import type { Incident } from '../core/index.ts';
import { parseCron, type CronSchedule } from './cron-schedule.ts';
import { hideIncidentDetail } from './link-detail.ts';
import { hashNotificationId, joinIdKey, type MakeNotificationId } from './notification-id.ts';
import type { DigestHold, PlannedNotification } from './plan-notifications.ts';
import type { DetailLevel } from './routes.ts';

/** What a digest has collected so far for one route and channel. */
export interface DigestBucket {
  route: string;
  channel: string;
  schedule: string;
  detail: DetailLevel;
  /** Start of the period: the schedule's run before `dueAt`, or the previous digest's end if later. */
  from: number;
  dueAt: number;
  /** Latest hold, so a digest cut late still covers what it holds. */
  lastHoldAt: number;
  /** Latest state of each incident, by episode. */
  incidents: Incident[];
}

/** Everything the collector knows, as plain data, for the store to keep across a restart. */
export interface DigestSnapshot {
  buckets: DigestBucket[];
  /** Per route and channel (`joinIdKey([route, channel])`), where the last digest ended. */
  lastCut: Record<string, number>;
}

export interface DigestCollectorOptions {
  makeId?: MakeNotificationId;
  /** The dashboard's incident list, when the server has a public URL. */
  dashboardUrl?: string;
  snapshot?: DigestSnapshot;
}

interface Bucket extends Omit<DigestBucket, 'incidents'> {
  incidents: Map<string, Incident>;
}

/**
 * Collects incidents per (route, channel) between the runs of the route's cron schedule, and on
 * `tick(now)` returns the digests due. One clock drives both `hold` and `tick` (event time on a
 * replay). An incident held several times appears once, as it last stood; a period without
 * incidents sends nothing (the heartbeat says Klaxon is alive).
 */
export class DigestCollector {
  private readonly buckets = new Map<string, Bucket>();
  private readonly lastCut = new Map<string, number>();
  private readonly schedules = new Map<string, CronSchedule>();
  private readonly makeId: MakeNotificationId;

  constructor(private readonly options: DigestCollectorOptions = {}) {
    this.makeId = options.makeId ?? hashNotificationId;
    for (const [key, at] of Object.entries(options.snapshot?.lastCut ?? {})) this.lastCut.set(key, at);
    for (const bucket of options.snapshot?.buckets ?? []) {
      const incidents = new Map(bucket.incidents.map((incident) => [incident.episodeId, incident]));
      this.buckets.set(joinIdKey([bucket.route, bucket.channel]), { ...bucket, incidents });
    }
  }

  hold(hold: DigestHold, now: number): void {
    const key = joinIdKey([hold.route, hold.channel]);
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      const { route, channel, schedule, detail } = hold;
      const cron = this.scheduleOf(schedule);
      const dueAt = cron.nextRun(now);
      const from = Math.max(cron.previousRun(dueAt), this.lastCut.get(key) ?? -Infinity);
      bucket = { route, channel, schedule, detail, from, dueAt, lastHoldAt: now, incidents: new Map() };
      this.buckets.set(key, bucket);
    } else if (bucket.schedule !== hold.schedule) {
      // The configuration changed: the new schedule decides when this period ends.
      bucket.schedule = hold.schedule;
      bucket.dueAt = this.scheduleOf(hold.schedule).nextRun(now);
    }
    bucket.detail = hold.detail;
    bucket.lastHoldAt = Math.max(bucket.lastHoldAt, now);
    bucket.incidents.set(hold.incident.episodeId, hold.incident);
  }

  /** The digests due at `now`, in the order they fell due; their incidents are then forgotten. */
  tick(now: number): PlannedNotification[] {
    const due = [...this.buckets.entries()]
      .filter(([, bucket]) => bucket.dueAt <= now)
      .sort(([, a], [, b]) => a.dueAt - b.dueAt);
    return due.map(([key, bucket]) => {
      this.buckets.delete(key);
      const to = Math.max(bucket.dueAt, bucket.lastHoldAt);
      this.lastCut.set(key, to);
      return this.buildDigest(bucket, to, now);
    });
  }

  /** When the next digest is due, for the caller's timer; undefined when nothing is held. */
  nextDueAt(): number | undefined {
    let next: number | undefined;
    for (const bucket of this.buckets.values())
      if (next === undefined || bucket.dueAt < next) next = bucket.dueAt;
    return next;
  }

  snapshot(): DigestSnapshot {
    return {
      buckets: [...this.buckets.values()].map((bucket) => ({
        ...bucket,
        incidents: [...bucket.incidents.values()],
      })),
      lastCut: Object.fromEntries(this.lastCut),
    };
  }

  private buildDigest(bucket: Bucket, to: number, now: number): PlannedNotification {
    const sorted = [...bucket.incidents.values()].sort((a, b) => a.serial - b.serial);
    const incidents = bucket.detail === 'link' ? sorted.map(hideIncidentDetail) : sorted;
    return {
      id: this.makeId(joinIdKey(['digest', bucket.route, bucket.channel, bucket.from, to])),
      kind: 'digest',
      channel: bucket.channel,
      detail: bucket.detail,
      digest: { incidents, from: bucket.from, to },
      ...(this.options.dashboardUrl !== undefined && { dashboardUrl: this.options.dashboardUrl }),
      createdAt: now,
    };
  }

  private scheduleOf(expression: string): CronSchedule {
    let schedule = this.schedules.get(expression);
    if (schedule === undefined) {
      const parsed = parseCron(expression);
      // The route schema has checked every schedule; reaching this is a bug, not a user error.
      if (!parsed.ok) throw new Error(`invalid digest schedule "${expression}": ${parsed.message}`);
      schedule = parsed.schedule;
      this.schedules.set(expression, schedule);
    }
    return schedule;
  }
}
