import { z } from 'zod';
import type { ChannelServerSettings, ChannelSettingIssue } from '../../core/index.ts';

export const TELEGRAM_DEFAULT_BASE_URL = 'https://api.telegram.org';

/**
 * A numeric chat id (users are positive, groups and channels negative, supergroups `-100…`) or a
 * public channel's `@username`. YAML may hand the number over as either type.
 */
const chatIdSchema = z.union([
  z
    .number()
    .int()
    .refine((n) => n !== 0, 'chat_id must not be 0'),
  z
    .string()
    .regex(
      /^(-?[1-9]\d{0,15}|@[A-Za-z][A-Za-z0-9_]{3,31})$/,
      'chat_id must be a numeric id or @channelusername',
    ),
]);

export const telegramConfigSchema = z
  .object({
    chat_id: chatIdSchema,
    /** A forum topic of a supergroup. */
    message_thread_id: z.number().int().positive().optional(),
    /** Deliver silently (no sound on the phone). */
    disable_notification: z.boolean().default(false),
    /** A self-hosted Bot API server, or a local test peer. */
    base_url: z
      .url({ protocol: /^https?$/, message: 'base_url must be an http:// or https:// URL' })
      .refine((url) => !/[?#]/.test(url), 'base_url must not carry a query or fragment')
      .default(TELEGRAM_DEFAULT_BASE_URL),
    /** Telegram user id → Klaxon user: the people who may act on incidents from the chat. */
    telegram_users: z
      .record(
        z.string().regex(/^[1-9]\d{0,15}$/, 'a Telegram user id is a positive number like "123456789"'),
        z.string().min(1, 'expected a Klaxon user name').max(100),
      )
      .optional(),
    /** Acknowledge and Resolve buttons on incident messages (default: on when `telegram_users` is set). */
    buttons: z.boolean().optional(),
    /**
     * How button presses arrive: `webhook` (Telegram posts them to `server.public_url`; the default
     * when it is set) or `polling` (`getUpdates`; the default without it, and for a public_url
     * Telegram cannot reach).
     */
    updates: z.enum(['webhook', 'polling']).optional(),
  })
  .strict();

/** Whether incident messages carry buttons (and the channel polls for their presses). */
export function telegramButtonsOn(config: Pick<TelegramConfig, 'buttons' | 'telegram_users'>): boolean {
  return config.buttons ?? config.telegram_users !== undefined;
}

export const telegramSecretsSchema = z
  .object({
    /** From @BotFather: `<bot id>:<secret>`. It grants sending as the bot, and travels in the URL path. */
    bot_token: z
      .string()
      .regex(/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/, 'bot_token must look like 123456:ABC-DEF…'),
    /**
     * The `secret_token` Telegram sends with each webhook update. Default: a new random one at each
     * start; set it when several instances share one public_url.
     */
    webhook_secret: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, 'webhook_secret must be 16 to 256 of A-Z, a-z, 0-9, _ and -')
      .optional(),
  })
  .strict();

/** Where Telegram posts a channel's updates in webhook mode: `<public_url>` + this path. */
export function telegramWebhookPath(channel: string): string {
  return `/telegram/webhook/${channel}`;
}

/** Whether updates come by webhook: `updates:` when set, else whenever there is a public URL. */
export function telegramUsesWebhook(
  config: Pick<TelegramConfig, 'updates'>,
  publicUrl: string | undefined,
): boolean {
  return publicUrl !== undefined && (config.updates ?? 'webhook') === 'webhook';
}

export type TelegramConfig = z.infer<typeof telegramConfigSchema>;
export type TelegramSecrets = z.infer<typeof telegramSecretsSchema>;

/** `updates: webhook` needs an address Telegram can post to. */
export function checkTelegramSettings(
  config: TelegramConfig,
  _secrets: TelegramSecrets,
  server: ChannelServerSettings,
): ChannelSettingIssue[] {
  if (config.updates !== 'webhook' || server.publicUrl !== undefined) return [];
  return [
    {
      key: 'updates',
      message:
        'a webhook needs `server.public_url` (Telegram posts to <public_url>/telegram/webhook/<channel>); without one, use `polling`',
    },
  ];
}
