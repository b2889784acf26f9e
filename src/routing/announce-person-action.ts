import type { Incident, PersonActionNotice } from '../core/index.ts';
import type { StoreOperations, ToldChannel } from '../store/index.ts';
import { hideIncidentDetail } from './link-detail.ts';
import { hashNotificationId, joinIdKey } from './notification-id.ts';
import type { PlannedNotification } from './plan-notifications.ts';
import { matchRoutes, type DetailLevel, type Route } from './routes.ts';

/** What decides who hears of a person's action: the configured routes and channels. */
export interface PersonActionRouting {
  routes: readonly Route[];
  /** A channel's own detail level from its config, overriding the route's. */
  channelDetail?: Readonly<Record<string, DetailLevel>>;
  /** The dashboard's public URL: messages link to `<url>/incidents/<serial>`. */
  publicUrl?: string;
}

/**
 * One notification per channel that was told about the incident and whose route (one the
 * incident takes that lists the channel) wants this action. A channel no route gives the incident
 * any more hears nothing. `link` channels learn neither the person nor their words.
 */
export function planPersonAction(
  incident: Incident,
  notice: PersonActionNotice,
  told: readonly ToldChannel[],
  routing: PersonActionRouting,
): PlannedNotification[] {
  const matched = matchRoutes(incident, routing.routes).map(({ route }) => route);
  const base = routing.publicUrl?.replace(/\/+$/, '');
  const planned: PlannedNotification[] = [];
  for (const { channel, providerMessageId } of told) {
    const routes = matched.filter((route) => route.channels.includes(channel));
    if (!routes.some((route) => (route.personActions ?? [notice.action]).includes(notice.action))) continue;
    const detail = routing.channelDetail?.[channel] ?? routes[0]?.detail ?? 'full';
    const link = detail === 'link';
    planned.push({
      id: hashNotificationId(
        joinIdKey([incident.serial, 'person', notice.action, notice.by, notice.at, channel]),
      ),
      kind: 'person-action',
      channel,
      detail,
      incident: link ? hideIncidentDetail(incident) : incident,
      personAction: link ? { action: notice.action, by: '', at: notice.at } : notice,
      ...(providerMessageId !== undefined && { replyTo: providerMessageId }),
      ...(base !== undefined && { dashboardUrl: `${base}/incidents/${incident.serial}` }),
      createdAt: notice.at,
    });
  }
  return planned;
}

/**
 * Tells the channels that were told about the incident what a person did, through the outbox,
 * in the caller's transaction (the one that recorded the action). Returns how many were queued.
 */
export async function announcePersonAction(
  tx: StoreOperations,
  incident: Incident,
  notice: PersonActionNotice,
  routing: PersonActionRouting,
): Promise<number> {
  const told = await tx.outbox.toldChannels(incident.serial);
  const planned = planPersonAction(incident, notice, told, routing);
  if (planned.length > 0) await tx.outbox.enqueue(planned, notice.at);
  return planned.length;
}
