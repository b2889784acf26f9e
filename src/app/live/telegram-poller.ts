import { backoffDelay } from '../backoff.ts';
import { BotApiError, callBotApi, parseChatUpdates } from '../../channels/telegram/index.ts';
import type { Store } from '../../store/index.ts';
import type { ComponentHealth } from './component-health.ts';
import { handleChatUpdate, type ChatActionContext } from './telegram-chat-actions.ts';

export interface TelegramPollerOptions extends ChatActionContext {
  store: Store;
  health: ComponentHealth;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Long-poll timeout in seconds (default 30). */
  pollSeconds?: number;
}

/** Where the channel's next `getUpdates` starts, in the store's checkpoints: it survives a restart. */
export function offsetCheckpoint(channel: string): string {
  return `telegram-updates:${channel}`;
}

/**
 * Button presses and replies for one Telegram channel by `getUpdates` long polling (no public URL
 * needed). After each update is handled the offset moves past it and is stored, so a restart
 * neither repeats nor loses one. A failing poll is reported once and retried with backoff; an
 * abort (shutdown) ends the loop, also in the middle of a long poll. `getUpdates` and a webhook
 * are exclusive (Telegram answers 409 while one is set), so the webhook is deleted first (its
 * pending updates are kept for `getUpdates`), and again whenever Telegram says one is set.
 */
export async function runTelegramPoller(options: TelegramPollerOptions, signal: AbortSignal): Promise<void> {
  const component = `telegram ${options.channel}`;
  let offset = await loadOffset(options);
  let failures = 0;
  let webhookDeleted = false;
  while (!signal.aborted) {
    try {
      if (!webhookDeleted) {
        await callBotApi(options.api, 'deleteWebhook', { drop_pending_updates: false }, signal);
        webhookDeleted = true;
      }
      const seconds = options.pollSeconds ?? 30;
      const result = await callBotApi(
        options.api,
        'getUpdates',
        { offset, timeout: seconds, allowed_updates: ['callback_query', 'message'] },
        signal,
        seconds * 1000,
      );
      for (const update of parseChatUpdates(result)) {
        if (update.updateId < offset) continue;
        await handleChatUpdate(update, options, signal);
        offset = update.updateId + 1;
        await options.store.checkpoints.save(
          offsetCheckpoint(options.channel),
          String(offset),
          options.now(),
        );
      }
      failures = 0;
      options.health.ok(component);
    } catch (error) {
      if (signal.aborted) break;
      if (error instanceof BotApiError && /webhook/i.test(error.message)) webhookDeleted = false;
      failures = options.health.retrying(component, error);
      await options.sleep(backoffDelay(failures), signal);
    }
  }
}

async function loadOffset(options: TelegramPollerOptions): Promise<number> {
  const saved = await options.store.checkpoints.load(offsetCheckpoint(options.channel));
  const offset = Number(saved?.data);
  return Number.isSafeInteger(offset) && offset > 0 ? offset : 0;
}
