import type { Notification, Priority } from '../../core/index.ts';

export type PagerdutyEventAction = 'trigger' | 'acknowledge' | 'resolve';
export type PagerdutySeverity = 'critical' | 'error' | 'warning' | 'info';

const SEVERITY_BY_PRIORITY: Record<Priority, PagerdutySeverity> = {
  P1: 'critical',
  P2: 'error',
  P3: 'warning',
  P4: 'info',
  P5: 'info',
};

/** Resolved → resolve, acknowledged in Klaxon → acknowledge, anything else still open → trigger. */
export function chooseEventAction(notification: Notification): PagerdutyEventAction {
  const incident = notification.incident;
  if (!incident) return 'trigger';
  if (notification.kind === 'resolved' || incident.status === 'resolved') return 'resolve';
  return incident.status === 'acknowledged' ? 'acknowledge' : 'trigger';
}

/** `klaxon-<serial>` ties every event of one incident to one PagerDuty alert. */
export function chooseDedupKey(notification: Notification): string {
  return notification.incident
    ? `klaxon-${notification.incident.serial}`
    : `klaxon-${notification.kind}-${notification.id}`;
}

export function chooseSeverity(notification: Notification): PagerdutySeverity {
  if (notification.incident) return SEVERITY_BY_PRIORITY[notification.incident.priority];
  return notification.kind === 'meta' ? 'warning' : 'info';
}
