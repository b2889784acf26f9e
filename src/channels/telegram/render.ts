import type { Notification } from '../../core/index.ts';
import { describeNotification } from '../message/index.ts';
import { composeTelegramText } from './compose-text.ts';
import { incidentKeyboard } from './incident-keyboard.ts';
import { telegramButtonsOn, type TelegramConfig } from './schema.ts';

/** The body of a Bot API `sendMessage` call. The bot token is not in it: it goes in the URL. */
export interface TelegramMessage {
  chat_id: number | string;
  text: string;
  parse_mode: 'HTML';
  /** The dashboard link must not unfurl into a preview card. */
  link_preview_options: { is_disabled: true };
  /** The pre-7.0 spelling of the same, for older self-hosted Bot API servers. */
  disable_web_page_preview: true;
  disable_notification?: true;
  message_thread_id?: number;
  reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
  /** A person's action on an incident answers the chat's first message about it. */
  reply_to_message_id?: number;
  /** Still send when that message was deleted. */
  allow_sending_without_reply?: true;
}

export function renderTelegram(notification: Notification, config: TelegramConfig): TelegramMessage {
  const keyboard = telegramButtonsOn(config) ? incidentKeyboard(notification) : undefined;
  return {
    chat_id: config.chat_id,
    text: composeTelegramText(describeNotification(notification)),
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    disable_web_page_preview: true,
    ...(config.disable_notification && { disable_notification: true }),
    ...(config.message_thread_id !== undefined && { message_thread_id: config.message_thread_id }),
    ...(keyboard && { reply_markup: keyboard }),
    ...replyTo(notification.replyTo),
  };
}

function replyTo(providerMessageId: string | undefined): Partial<TelegramMessage> {
  const id = providerMessageId === undefined ? NaN : Number(providerMessageId);
  return Number.isSafeInteger(id) ? { reply_to_message_id: id, allow_sending_without_reply: true } : {};
}
