import type { CaseNote, Incident, Notification } from '../core/index.ts';
import { hideIncidentDetail } from './link-detail.ts';
import { hashNotificationId, joinIdKey, type MakeNotificationId } from './notification-id.ts';
import { matchRoutes, type DetailLevel, type Route, type RouteNotifyKind } from './routes.ts';

export type RoutedChangeKind = 'opened' | 'updated' | 'resolved' | 'flapping-started' | 'flapping-stopped';

/** An incident change that noise control let through. */
export interface RoutedChange {
  kind: RoutedChangeKind;
  incident: Incident;
  /** Signals held back by noise control since the previous message about this incident. */
  suppressedSince: number;
  /** With an opened incident: its case and related incidents. */
  case?: CaseNote;
}

/** A notification before the outbox numbers it per channel. */
export type PlannedNotification = Omit<Notification, 'sequence'>;

/** An incident a digest route collects for one of its channels instead of sending it now. */
export interface DigestHold {
  route: string;
  channel: string;
  /** The route's cron schedule. */
  schedule: string;
  detail: DetailLevel;
  incident: Incident;
}

/** An incident change a grouping route collects into its group instead of sending it now. */
export interface GroupHold {
  route: Route;
  /** The route's channels and the detail each gets. */
  channels: { channel: string; detail: DetailLevel }[];
  incident: Incident;
}

export interface NotificationPlan {
  /** To enqueue now: one per channel, whichever routes led to it. */
  notifications: PlannedNotification[];
  /** To hand to the digest collector. */
  holds: DigestHold[];
  /** To hand to the group collector (routes with `group_by`). */
  groupHolds: GroupHold[];
  /** The routes the incident took; none means unrouted, which the caller must count, not drop. */
  routes: string[];
}

export interface PlanOptions {
  /** When the change happened (event time on replay): the notifications' `createdAt`. */
  now: number;
  /** A channel's own detail level, from its config; it overrides the route's. */
  channelDetail?: Readonly<Record<string, DetailLevel>>;
  /** Turns the deterministic key into an id; by default a hash of it. */
  makeId?: MakeNotificationId;
  /** Where the dashboard shows the incident, when the server has a public URL. */
  dashboardUrl?: (incident: Incident) => string | undefined;
}

/**
 * What one incident change sends where. Routes are walked as `matchRoutes` walks them; a route
 * takes part when its `notify` list has the change (a flapping notice counts as `opened` or
 * `resolved`, the changes it replaces). A channel reached by several routes gets one message,
 * at the detail of the first of them unless the channel sets its own. Digest routes hold the
 * incident for their schedule instead.
 */
export function planNotifications(
  change: RoutedChange,
  routes: readonly Route[],
  options: PlanOptions,
): NotificationPlan {
  const plan: NotificationPlan = { notifications: [], holds: [], groupHolds: [], routes: [] };
  const detailOf = new Map<string, DetailLevel>();
  for (const { route } of matchRoutes(change.incident, routes)) {
    plan.routes.push(route.name);
    if (route.grouping !== undefined) {
      // Every change goes in: a resolution is how an incident leaves its group.
      const channels = route.channels.map((channel) => ({
        channel,
        detail: options.channelDetail?.[channel] ?? route.detail,
      }));
      plan.groupHolds.push({ route, channels, incident: change.incident });
      continue;
    }
    if (!wantsChange(route.notify, change.kind)) continue;
    for (const channel of route.channels) {
      const detail = options.channelDetail?.[channel] ?? route.detail;
      if (route.digest !== undefined) {
        plan.holds.push({
          route: route.name,
          channel,
          schedule: route.digest,
          detail,
          incident: change.incident,
        });
      } else if (!detailOf.has(channel)) {
        detailOf.set(channel, detail);
      }
    }
  }
  for (const [channel, detail] of detailOf)
    plan.notifications.push(buildNotification(change, channel, detail, options));
  return plan;
}

function wantsChange(notify: readonly RouteNotifyKind[], kind: RoutedChangeKind): boolean {
  if (kind === 'flapping-started' || kind === 'flapping-stopped') {
    return notify.includes('opened') || notify.includes('resolved');
  }
  return notify.includes(kind);
}

function buildNotification(
  change: RoutedChange,
  channel: string,
  detail: DetailLevel,
  options: PlanOptions,
): PlannedNotification {
  const { incident, kind } = change;
  // Replaying the same change after a crash must give the same id, so receivers drop the repeat.
  const key = joinIdKey([incident.episodeId, kind, incident.count, incident.lastSeen, channel]);
  const dashboardUrl = options.dashboardUrl?.(incident);
  return {
    id: (options.makeId ?? hashNotificationId)(key),
    kind,
    channel,
    detail,
    incident: detail === 'link' ? hideIncidentDetail(incident) : incident,
    ...(change.suppressedSince > 0 && { suppressedSince: change.suppressedSince }),
    ...(dashboardUrl !== undefined && { dashboardUrl }),
    ...(change.case !== undefined && detail === 'full' && { case: change.case }),
    createdAt: options.now,
  };
}
