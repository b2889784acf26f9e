import type { Notification } from '../../core/index.ts';

/** What a button press asks for: `ack:42` or `resolve:42` (Telegram allows 64 bytes). */
export interface ChatAction {
  action: 'ack' | 'resolve';
  serial: number;
}

const ACTIONS_ON = new Set<Notification['kind']>(['opened', 'updated', 'flapping-started', 'escalated']);

/** Acknowledge and Resolve under a message about an incident a person can still act on. */
export function incidentKeyboard(
  notification: Notification,
): { inline_keyboard: { text: string; callback_data: string }[][] } | undefined {
  const incident = notification.incident;
  if (incident === undefined || !ACTIONS_ON.has(notification.kind) || incident.status === 'resolved') return;
  const row = [{ text: 'Resolve', callback_data: `resolve:${incident.serial}` }];
  if (incident.status === 'open')
    row.unshift({ text: 'Acknowledge', callback_data: `ack:${incident.serial}` });
  return { inline_keyboard: [row] };
}

/** The action of a button's `callback_data`; undefined for anything else (it comes from outside). */
export function parseChatAction(data: unknown): ChatAction | undefined {
  if (typeof data !== 'string') return undefined;
  const match = /^(ack|resolve):([1-9]\d{0,14})$/.exec(data);
  if (match === null) return undefined;
  return { action: match[1] as ChatAction['action'], serial: Number(match[2]) };
}
