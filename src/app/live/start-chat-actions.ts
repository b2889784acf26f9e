import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ChannelSettings } from '../../config/index.ts';
import type { SecurityEvent } from '../../core/index.ts';
import type { SlackConfig, SlackSecrets } from '../../channels/slack/index.ts';
import {
  telegramButtonsOn,
  telegramUsesWebhook,
  telegramWebhookPath,
  type TelegramConfig,
  type TelegramSecrets,
} from '../../channels/telegram/index.ts';
import type { PersonActionRouting } from '../../routing/index.ts';
import { registerSlackInteractivity, registerTelegramWebhooks } from '../../server/index.ts';
import type { ChatRefusal, SlackInteractivityEndpoint, TelegramWebhookEndpoint } from '../../server/index.ts';
import type { Store } from '../../store/index.ts';
import { chatPersonActions, chatUserMayAct } from './chat-person-actions.ts';
import { requestRefusalEvent } from './chat-person.ts';
import type { ChatIncidentActions, ChatPersonContext } from './chat-person.ts';
import type { ComponentHealth } from './component-health.ts';
import type { IncidentFeed } from './incident-feed.ts';
import { handleSlackPress } from './slack-chat-actions.ts';
import { handleChatUpdate, type ChatActionContext } from './telegram-chat-actions.ts';
import { runTelegramPoller } from './telegram-poller.ts';
import { runTelegramWebhookSetup } from './telegram-webhook-setup.ts';

export interface ChatActionParts {
  store: Store;
  health: ComponentHealth;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  fetch: typeof globalThis.fetch;
  log: (line: string, level: 'info' | 'warn') => void;
  /** Chat actions show on open dashboards at once, like the API's. */
  feed: IncidentFeed;
  reportSecurityEvent: (event: SecurityEvent) => void;
  /** Where a chat action is announced, as the API announces a person's action (and `publicUrl`). */
  personActions: PersonActionRouting;
}

export interface ChatActions {
  /** The polling loops, and the webhook setups once started; they end when `signal` aborts. */
  loops: Promise<void>[];
  /** Calls `setWebhook` for the webhook channels: once the server listens, so the first push lands. */
  startWebhooks(): void;
}

/**
 * Button presses from the chats: per Telegram channel with buttons, a webhook route (with a public
 * URL) or a `getUpdates` loop; per Slack channel with `slack_users`, its interactivity route.
 * Routes go on `server` now, before it listens.
 */
export function startChatActions(
  channels: readonly ChannelSettings[],
  parts: ChatActionParts,
  server: FastifyInstance,
  signal: AbortSignal,
): ChatActions {
  const plan: ChatPlan = { loops: [], setups: [], telegram: [], slack: [] };
  const shared: SharedParts = {
    ...parts,
    publicUrl: parts.personActions.publicUrl?.replace(/\/+$/, ''),
    actions: chatPersonActions(parts.store, parts.feed, parts.personActions),
    mayAct: chatUserMayAct(parts.store),
    signal,
  };
  for (const channel of channels) {
    if (channel.type === 'telegram') planTelegram(channel, shared, plan);
    else if (channel.type === 'slack') planSlack(channel, shared, plan);
  }
  const onRefused = (refusal: ChatRefusal) => {
    const line = `${refusal.service} ${refusal.channel}: refused a request from ${refusal.ip}: ${refusal.reason}`;
    parts.log(line, 'warn');
    try {
      parts.reportSecurityEvent(requestRefusalEvent(refusal, parts.now()));
    } catch (error) {
      // A failing reporter never turns the 401/403 into a 500.
      parts.log(`reporting a refused chat request failed: ${String(error)}`, 'warn');
    }
  };
  registerTelegramWebhooks(server, plan.telegram, onRefused);
  registerSlackInteractivity(server, plan.slack, parts.now, onRefused);
  return {
    loops: plan.loops,
    startWebhooks: () => {
      for (const setup of plan.setups.splice(0)) plan.loops.push(setup());
    },
  };
}

interface ChatPlan {
  loops: Promise<void>[];
  setups: (() => Promise<void>)[];
  telegram: TelegramWebhookEndpoint[];
  slack: SlackInteractivityEndpoint[];
}

interface SharedParts extends ChatActionParts {
  publicUrl: string | undefined;
  actions: ChatIncidentActions;
  mayAct: (user: string) => Promise<string | undefined>;
  signal: AbortSignal;
}

function personContext(
  channel: string,
  users: Readonly<Record<string, string>>,
  shared: SharedParts,
): ChatPersonContext {
  const { now, log, reportSecurityEvent, mayAct } = shared;
  return { channel, users, now, log, reportSecurityEvent, mayAct };
}

/** A Telegram channel with buttons: a webhook route and its `setWebhook`, or a polling loop. */
function planTelegram(channel: ChannelSettings, shared: SharedParts, plan: ChatPlan): void {
  const config = channel.config as TelegramConfig;
  if (!telegramButtonsOn(config)) return;
  const secrets = channel.secrets as TelegramSecrets;
  const ctx: ChatActionContext = {
    ...personContext(channel.name, config.telegram_users ?? {}, shared),
    actions: shared.actions,
    api: { baseUrl: config.base_url, token: secrets.bot_token, fetch: shared.fetch },
  };
  const component = `telegram ${channel.name}`;
  const guard = (run: Promise<void>) =>
    run.catch((error: unknown) => shared.health.failed(component, String(error)));
  const { publicUrl, signal } = shared;
  if (publicUrl === undefined || !telegramUsesWebhook(config, publicUrl)) {
    plan.loops.push(guard(runTelegramPoller({ ...shared, ...ctx }, signal)));
    return;
  }
  const secretToken = secrets.webhook_secret ?? randomBytes(32).toString('base64url');
  const url = `${publicUrl}${telegramWebhookPath(channel.name)}`;
  plan.telegram.push({
    channel: channel.name,
    secretToken,
    handle: (update) => handleChatUpdate(update, ctx, signal),
  });
  plan.setups.push(() =>
    guard(
      runTelegramWebhookSetup({ ...shared, channel: channel.name, api: ctx.api, url, secretToken }, signal),
    ),
  );
}

/** A Slack channel with buttons (the config check saw to signing_secret and public_url): its route. */
function planSlack(channel: ChannelSettings, shared: SharedParts, plan: ChatPlan): void {
  const config = channel.config as SlackConfig;
  const secret = (channel.secrets as SlackSecrets).signing_secret;
  if (config.slack_users === undefined || secret === undefined || shared.publicUrl === undefined) return;
  const ctx = {
    ...personContext(channel.name, config.slack_users, shared),
    actions: shared.actions,
    fetch: shared.fetch,
    signal: shared.signal,
  };
  plan.slack.push({
    channel: channel.name,
    signingSecret: secret,
    handle: (press) => handleSlackPress(press, ctx),
  });
}
