import type { ChannelSettings } from '../../config/index.ts';
import type { SecurityEvent } from '../../core/index.ts';
import {
  telegramButtonsOn,
  type TelegramConfig,
  type TelegramSecrets,
} from '../../channels/telegram/index.ts';
import type { Store } from '../../store/index.ts';
import type { ComponentHealth } from './component-health.ts';
import type { ChatIncidentActions } from './telegram-chat-actions.ts';
import { runTelegramPoller } from './telegram-poller.ts';

export interface TelegramPollerParts {
  store: Store;
  health: ComponentHealth;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  fetch: typeof globalThis.fetch;
  log: (line: string, level: 'info' | 'warn') => void;
  actions: ChatIncidentActions;
  reportSecurityEvent: (event: SecurityEvent) => void;
}

/** One `getUpdates` loop per Telegram channel whose messages carry buttons, until `signal` aborts. */
export function startTelegramPollers(
  channels: readonly ChannelSettings[],
  parts: TelegramPollerParts,
  signal: AbortSignal,
): Promise<void>[] {
  const loops: Promise<void>[] = [];
  for (const channel of channels) {
    if (channel.type !== 'telegram') continue;
    const config = channel.config as TelegramConfig;
    if (!telegramButtonsOn(config)) continue;
    const token = (channel.secrets as TelegramSecrets).bot_token;
    const run = runTelegramPoller(
      {
        ...parts,
        channel: channel.name,
        users: config.telegram_users ?? {},
        api: { baseUrl: config.base_url, token, fetch: parts.fetch },
      },
      signal,
    ).catch((error: unknown) => parts.health.failed(`telegram ${channel.name}`, String(error)));
    loops.push(run);
  }
  return loops;
}
