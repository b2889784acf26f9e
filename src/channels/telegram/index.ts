import type { ChannelDefinition } from '../channel.ts';
import type { TelegramMessage } from './render.ts';
import { renderTelegram } from './render.ts';
import type { TelegramConfig, TelegramSecrets } from './schema.ts';
import { checkTelegramSettings, telegramConfigSchema, telegramSecretsSchema } from './schema.ts';
import { sendTelegram } from './send.ts';

export type { TelegramMessage } from './render.ts';
export type { TelegramConfig, TelegramSecrets } from './schema.ts';
export { telegramButtonsOn, telegramUsesWebhook, telegramWebhookPath } from './schema.ts';
export { BotApiError, callBotApi, type BotApiTarget } from './bot-api.ts';
export { parseChatUpdates, reasonPrompt, type ChatUpdate } from './chat-updates.ts';
export type { ChatAction } from './incident-keyboard.ts';

export const telegramChannel: ChannelDefinition<TelegramConfig, TelegramSecrets, TelegramMessage> = {
  type: 'telegram',
  configSchema: telegramConfigSchema,
  secretsSchema: telegramSecretsSchema,
  render: renderTelegram,
  send: sendTelegram,
  checkSettings: checkTelegramSettings,
};

/**
 * Telegram's published limits, for the outbox to pace sends (the channel itself never waits):
 * about one message per second to one chat, 20 per minute to one group (a negative chat_id), and
 * about 30 per second for the bot overall. Going over them earns a 429 with `retry_after`.
 */
export const telegramRateLimits = {
  perChat: { messages: 1, intervalMs: 1_000 },
  perGroup: { messages: 20, intervalMs: 60_000 },
  perBot: { messages: 30, intervalMs: 1_000 },
} as const;
