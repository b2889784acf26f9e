export type { ChatRefusal } from './chat-refusal.ts';
export { registerTelegramWebhooks, TELEGRAM_SECRET_HEADER } from './telegram-webhook-route.ts';
export type { TelegramWebhookEndpoint } from './telegram-webhook-route.ts';
export { registerSlackInteractivity } from './slack-interactivity-route.ts';
export type { SlackInteractivityEndpoint } from './slack-interactivity-route.ts';
