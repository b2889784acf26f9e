import { backoffDelay } from '../backoff.ts';
import { callBotApi, type BotApiTarget } from '../../channels/telegram/index.ts';
import type { ComponentHealth } from './component-health.ts';

export interface TelegramWebhookSetup {
  channel: string;
  api: BotApiTarget;
  /** `<public_url>/telegram/webhook/<channel>`. */
  url: string;
  secretToken: string;
  health: ComponentHealth;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  log: (line: string, level: 'info' | 'warn') => void;
}

/**
 * Points the bot's updates at Klaxon (`setWebhook` with the secret Telegram sends back in a header),
 * retrying with backoff until Telegram accepts it or `signal` aborts. A webhook and `getUpdates`
 * are exclusive: while it is set, Telegram refuses `getUpdates` (the poller deletes it first).
 */
export async function runTelegramWebhookSetup(
  setup: TelegramWebhookSetup,
  signal: AbortSignal,
): Promise<void> {
  const component = `telegram ${setup.channel}`;
  let failures = 0;
  while (!signal.aborted) {
    try {
      await callBotApi(
        setup.api,
        'setWebhook',
        { url: setup.url, secret_token: setup.secretToken, allowed_updates: ['callback_query', 'message'] },
        signal,
      );
      setup.health.ok(component);
      setup.log(`telegram ${setup.channel}: Telegram posts button presses to ${setup.url}`, 'info');
      return;
    } catch (error) {
      if (signal.aborted) return;
      // Telegram does not echo the secret, but a proxy in between might: keep it out of the log.
      const why = (error as Error).message.split(setup.secretToken).join('<secret>');
      failures = setup.health.retrying(component, new Error(why));
      await setup.sleep(backoffDelay(failures), signal);
    }
  }
}
