import type { Notification } from '../../core/index.ts';

/** What a chat button asks for: acknowledge or resolve one incident. */
export type ChatActionKind = 'ack' | 'resolve';

const ACTIONS_ON = new Set<Notification['kind']>(['opened', 'updated', 'flapping-started', 'escalated']);

/**
 * The actions a person can still take from a message about an incident, in button order:
 * Acknowledge while it is open, Resolve until it is resolved; none on other messages.
 */
export function incidentActions(notification: Notification): ChatActionKind[] {
  const incident = notification.incident;
  if (incident === undefined || !ACTIONS_ON.has(notification.kind) || incident.status === 'resolved')
    return [];
  return incident.status === 'open' ? ['ack', 'resolve'] : ['resolve'];
}

/** `ack:42` or `resolve:42` as an action; undefined for anything else (it comes from outside). */
export function parseActionValue(data: unknown): { action: ChatActionKind; serial: number } | undefined {
  if (typeof data !== 'string') return undefined;
  const match = /^(ack|resolve):([1-9]\d{0,14})$/.exec(data);
  if (match === null) return undefined;
  return { action: match[1] as ChatActionKind, serial: Number(match[2]) };
}
