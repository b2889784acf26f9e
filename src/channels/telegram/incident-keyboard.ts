import type { Notification } from '../../core/index.ts';
import { incidentActions, parseActionValue, type ChatActionKind } from '../message/index.ts';

/** What a button press asks for: `ack:42` or `resolve:42` (Telegram allows 64 bytes). */
export interface ChatAction {
  action: ChatActionKind;
  serial: number;
}

const LABELS: Record<ChatActionKind, string> = { ack: 'Acknowledge', resolve: 'Resolve' };

/** Acknowledge and Resolve under a message about an incident a person can still act on. */
export function incidentKeyboard(
  notification: Notification,
): { inline_keyboard: { text: string; callback_data: string }[][] } | undefined {
  const actions = incidentActions(notification);
  if (actions.length === 0) return undefined;
  const serial = notification.incident!.serial;
  return {
    inline_keyboard: [
      actions.map((action) => ({ text: LABELS[action], callback_data: `${action}:${serial}` })),
    ],
  };
}

/** The action of a button's `callback_data`; undefined for anything else (it comes from outside). */
export function parseChatAction(data: unknown): ChatAction | undefined {
  return parseActionValue(data);
}
