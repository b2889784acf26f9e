import type { Incident } from '../core/index.ts';
import { noise } from '../incidents/index.ts';
import { hideIncidentDetail } from './link-detail.ts';
import { hashNotificationId, joinIdKey, type MakeNotificationId } from './notification-id.ts';
import type { GroupHold, PlannedNotification } from './plan-notifications.ts';
import type { DetailLevel, Route } from './routes.ts';

/** One aggregation group of one route, as plain data for the store. */
export interface SavedGroup {
  route: string;
  key: string;
  group: noise.GroupSnapshot<Incident>;
}

/** A group message that went out: which incidents it listed, for the dashboard. */
export interface GroupMessage {
  route: string;
  key: string;
  serials: number[];
  at: number;
}

/** What changed since the last `drain`: groups to save, groups gone, messages sent. */
export interface GroupChanges {
  saved: SavedGroup[];
  dropped: { route: string; key: string }[];
  messages: GroupMessage[];
}

interface RouteGroups {
  route: Route;
  channels: GroupHold['channels'];
  grouping: noise.Grouping<Incident>;
}

/**
 * Alertmanager's grouping per route with `group_by`: incidents collect in their group and go out
 * together, one message per channel listing them, on the group's timers. One clock drives `hold`
 * and `tick` (event time on a replay, the wall clock live). What changed is drained for the store
 * in the same transaction as the outbox rows, so a restart keeps every group where it was.
 */
export class GroupCollector {
  private readonly routes = new Map<string, RouteGroups>();
  private readonly touched = new Map<string, { route: string; key: string }>();
  private messages: GroupMessage[] = [];
  private readonly makeId: MakeNotificationId;

  constructor(
    private readonly options: {
      dashboardUrl?: string;
      makeId?: MakeNotificationId;
      saved?: SavedGroup[];
      channelDetail?: Readonly<Record<string, DetailLevel>>;
    } = {},
    routes: readonly Route[] = [],
  ) {
    this.makeId = options.makeId ?? hashNotificationId;
    for (const route of routes) if (route.grouping) this.routeGroups(route);
    for (const saved of options.saved ?? []) {
      const grouping = this.routes.get(saved.route)?.grouping;
      if (grouping) grouping.restore([saved.group]);
      // The route no longer groups: the store forgets the group at the next write.
      else this.touched.set(joinIdKey([saved.route, saved.key]), { route: saved.route, key: saved.key });
    }
  }

  hold(hold: GroupHold, now: number): void {
    const entry = this.routeGroups(hold.route);
    entry.channels = hold.channels;
    entry.grouping.insert(hold.incident, now);
    const key = entry.grouping.keyOf(hold.incident);
    this.touched.set(joinIdKey([hold.route.name, key]), { route: hold.route.name, key });
  }

  /**
   * The group messages due by `now`, one per channel of the group's route. Each group flushes at
   * its own due times, in order, so a replay that ticks seldom still times them in event time.
   */
  tick(now: number): PlannedNotification[] {
    const due: PlannedNotification[] = [];
    for (let at = this.nextDueAt(); at !== undefined && at <= now; at = this.nextDueAt())
      due.push(...this.flushAt(at));
    return due;
  }

  private flushAt(now: number): PlannedNotification[] {
    const due: PlannedNotification[] = [];
    for (const { route, channels, grouping } of this.routes.values()) {
      if ((grouping.nextDueAt() ?? Infinity) > now) continue;
      for (const sent of grouping.tick(now)) {
        this.touched.set(joinIdKey([route.name, sent.groupKey]), { route: route.name, key: sent.groupKey });
        this.messages.push({
          route: route.name,
          key: sent.groupKey,
          serials: sent.incidents.map((i) => i.serial),
          at: now,
        });
        for (const { channel, detail } of channels) {
          const incidents = detail === 'link' ? sent.incidents.map(hideIncidentDetail) : sent.incidents;
          due.push({
            id: this.makeId(joinIdKey(['group', sent.groupKey, channel, now])),
            kind: 'group',
            channel,
            detail,
            group: {
              key: sent.groupKey,
              route: route.name,
              labels: detail === 'link' ? {} : sent.labels,
              incidents,
              why: sent.why,
            },
            ...(this.options.dashboardUrl !== undefined && { dashboardUrl: this.options.dashboardUrl }),
            createdAt: now,
          });
        }
      }
    }
    return due;
  }

  nextDueAt(): number | undefined {
    let next: number | undefined;
    for (const { grouping } of this.routes.values()) {
      const at = grouping.nextDueAt();
      if (at !== undefined && (next === undefined || at < next)) next = at;
    }
    return next;
  }

  /** Every group, for a collector built after a reload. */
  snapshot(): SavedGroup[] {
    return [...this.routes.values()].flatMap(({ route, grouping }) =>
      grouping.snapshot().map((group) => ({ route: route.name, key: group.key, group })),
    );
  }

  /** What changed since the previous call. */
  drain(): GroupChanges {
    const changes: GroupChanges = { saved: [], dropped: [], messages: this.messages };
    for (const { route, key } of this.touched.values()) {
      const grouping = this.routes.get(route)?.grouping;
      const [group] = grouping?.snapshot([key]) ?? [];
      if (group) changes.saved.push({ route, key, group });
      else changes.dropped.push({ route, key });
    }
    this.touched.clear();
    this.messages = [];
    return changes;
  }

  private routeGroups(route: Route): RouteGroups {
    let entry = this.routes.get(route.name);
    if (entry === undefined) {
      const grouping = route.grouping as NonNullable<Route['grouping']>;
      entry = {
        route,
        channels: route.channels.map((channel) => ({
          channel,
          detail: this.options.channelDetail?.[channel] ?? route.detail,
        })),
        grouping: new noise.Grouping<Incident>({
          groupBy: grouping.by,
          route: route.name,
          groupWaitMs: grouping.waitMs,
          groupIntervalMs: grouping.intervalMs,
          repeatIntervalMs: grouping.repeatMs,
          sendResolved: route.notify.includes('resolved'),
          // Groups are kept across restarts, so an old incident need not skip group_wait.
          flushOldAtOnce: false,
        }),
      };
      this.routes.set(route.name, entry);
    }
    return entry;
  }
}
