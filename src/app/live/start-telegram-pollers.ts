import type { ChannelSettings } from '../../config/index.ts';
import type { Incident, PersonActionNotice, SecurityEvent } from '../../core/index.ts';
import { announcePersonAction } from '../../routing/index.ts';
import type { PersonActionRouting } from '../../routing/index.ts';
import {
  telegramButtonsOn,
  type TelegramConfig,
  type TelegramSecrets,
} from '../../channels/telegram/index.ts';
import type { Store, StoreOperations } from '../../store/index.ts';
import type { ComponentHealth } from './component-health.ts';
import type { IncidentFeed } from './incident-feed.ts';
import type { ChatIncidentActions } from './telegram-chat-actions.ts';
import { runTelegramPoller } from './telegram-poller.ts';

export interface TelegramPollerParts {
  store: Store;
  health: ComponentHealth;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  fetch: typeof globalThis.fetch;
  log: (line: string, level: 'info' | 'warn') => void;
  /** Chat actions show on open dashboards at once, like the API's. */
  feed: IncidentFeed;
  reportSecurityEvent: (event: SecurityEvent) => void;
  /** Where a chat action is announced, as the API announces a person's action. */
  personActions: PersonActionRouting;
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
        actions: personActions(parts.store, parts.feed, parts.personActions),
        mayAct: async (name) => {
          const user = await parts.store.users.get(name);
          if (user === undefined) return 'no such Klaxon user';
          if (user.disabledAt !== undefined) return 'the Klaxon user is disabled';
          return user.role === 'viewer' ? 'a viewer may not act on incidents' : undefined;
        },
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

/**
 * The same person actions the API and the dashboard take (store.incidents), told to the channels
 * that heard of the incident in the same transaction, and shown on open dashboards.
 */
function personActions(store: Store, feed: IncidentFeed, routing: PersonActionRouting): ChatIncidentActions {
  const act = async (
    kind: 'acknowledged' | 'resolved',
    notice: PersonActionNotice,
    run: (tx: StoreOperations) => Promise<Incident>,
  ): Promise<Incident> => {
    const incident = await store.transaction(async (tx) => {
      const changed = await run(tx);
      await announcePersonAction(tx, changed, notice, routing);
      return changed;
    });
    feed.publish({ kind, incident });
    return incident;
  };
  return {
    acknowledge: (serial, by, at) =>
      act('acknowledged', { action: 'ack', by, at }, (tx) => tx.incidents.acknowledge(serial, by, at)),
    resolve: (serial, by, at, why) =>
      act('resolved', { action: 'resolve', by, at, text: why }, (tx) =>
        tx.incidents.resolve(serial, by, at, why),
      ),
  };
}
