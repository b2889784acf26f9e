import type { Notification, Priority } from '../../core/index.ts';

// RFC 5424 severities: 2 critical, 3 error, 4 warning, 5 notice, 6 informational.
const SYSLOG_BY_PRIORITY: Record<Priority, number> = { P1: 2, P2: 3, P3: 4, P4: 5, P5: 6 };
// CEF: 0-3 low, 4-6 medium, 7-8 high, 9-10 very high.
const CEF_BY_PRIORITY: Record<Priority, number> = { P1: 10, P2: 8, P3: 6, P4: 4, P5: 2 };

/**
 * How loud the message is for the SIEM: an incident by its priority, a resolution as a notice
 * (it must not page anyone again), Klaxon's own notices by what they mean.
 */
export function syslogSeverity(notification: Notification): number {
  if (notification.kind === 'resolved') return 5;
  if (notification.kind === 'meta') return 4;
  if (notification.incident) return SYSLOG_BY_PRIORITY[notification.incident.priority];
  const top = topPriority(notification);
  if (top) return SYSLOG_BY_PRIORITY[top];
  return 6;
}

export function cefSeverity(notification: Notification): number {
  if (notification.kind === 'resolved') return 3;
  if (notification.kind === 'meta') return 5;
  if (notification.incident) return CEF_BY_PRIORITY[notification.incident.priority];
  const top = topPriority(notification);
  if (top) return CEF_BY_PRIORITY[top];
  return notification.kind === 'digest' ? 1 : 0;
}

/** A group message is as loud as its most urgent open incident. */
function topPriority(notification: Notification): Priority | undefined {
  const open = notification.group?.incidents.filter((incident) => incident.status !== 'resolved') ?? [];
  return open.map((incident) => incident.priority).sort()[0];
}
