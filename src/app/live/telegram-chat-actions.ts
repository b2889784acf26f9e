import { ConflictError, NotFoundError } from '../../core/index.ts';
import type { Incident, SecurityEvent } from '../../core/index.ts';
import {
  BotApiError,
  callBotApi,
  reasonPrompt,
  type BotApiTarget,
  type ChatUpdate,
} from '../../channels/telegram/index.ts';

/** The service name chat refusals are reported under, like the dashboard's `klaxon-dashboard`. */
export const TELEGRAM_SERVICE = 'klaxon-telegram';

/** The incident actions a person takes from the chat: the same ones the API and dashboard call. */
export interface ChatIncidentActions {
  acknowledge(serial: number, by: string, at: number): Promise<Incident>;
  resolve(serial: number, by: string, at: number, resolution: string): Promise<Incident>;
}

export interface ChatActionContext {
  channel: string;
  /** Telegram user id → Klaxon user. */
  users: Readonly<Record<string, string>>;
  api: BotApiTarget;
  actions: ChatIncidentActions;
  now: () => number;
  log: (line: string, level: 'info' | 'warn') => void;
  reportSecurityEvent?: (event: SecurityEvent) => void;
  /** Why the mapped Klaxon user may not act (unknown, disabled, a viewer); undefined when they may. */
  mayAct?: (user: string) => Promise<string | undefined>;
}

/**
 * Carries out one update: a button press or a reason reply from a mapped person goes through the
 * incident actions; anyone else is refused, logged and reported as a security event. A refusal
 * of the action itself (already acknowledged, no such incident) is told to the person; a store
 * failure throws, so the update is fetched again.
 */
export async function handleChatUpdate(
  update: ChatUpdate,
  ctx: ChatActionContext,
  signal: AbortSignal,
): Promise<void> {
  if (update.kind === 'ignored') return;
  const user = Object.hasOwn(ctx.users, update.fromId) ? ctx.users[update.fromId] : undefined;
  const what =
    update.kind === 'button'
      ? `${update.action.action} #${update.action.serial}`
      : `resolve #${update.serial}`;
  const refused =
    user === undefined
      ? 'who is not in telegram_users'
      : await ctx.mayAct?.(user).then((why) => why && `(${user}): ${why}`);
  if (user === undefined || refused !== undefined) {
    ctx.log(
      `telegram ${ctx.channel}: refused ${what} from Telegram user ${update.fromId}, ${refused}`,
      'warn',
    );
    ctx.reportSecurityEvent?.(refusalEvent(update.fromId, what, ctx.now()));
    const text = 'not allowed: your Telegram account is not mapped to a Klaxon user who may act on incidents';
    if (update.kind === 'button') await answer(ctx, update.callbackId, text, signal);
    return;
  }
  if (update.kind === 'reason') {
    const refusal = await attempt(() => ctx.actions.resolve(update.serial, user, ctx.now(), update.reason));
    if (refusal !== undefined) await say(ctx, update.chatId, refusal, signal);
    return;
  }
  const { action, serial } = update.action;
  if (action === 'ack') {
    const refusal = await attempt(() => ctx.actions.acknowledge(serial, user, ctx.now()));
    await answer(ctx, update.callbackId, refusal ?? `#${serial} acknowledged by ${user}`, signal);
    return;
  }
  await tell(ctx, 'sendMessage', signal, {
    chat_id: update.chatId ?? Number(update.fromId),
    text: reasonPrompt(serial),
    reply_markup: { force_reply: true, selective: true, input_field_placeholder: 'reason' },
  });
  await answer(ctx, update.callbackId, `Reply with the reason to resolve #${serial}`, signal);
}

/** Runs a person action; answers the refusal's message, or undefined when it went through. */
async function attempt(run: () => Promise<Incident>): Promise<string | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (error instanceof ConflictError || error instanceof NotFoundError) return error.message;
    throw error;
  }
}

function answer(ctx: ChatActionContext, id: string, text: string, signal: AbortSignal): Promise<void> {
  return tell(ctx, 'answerCallbackQuery', signal, { callback_query_id: id, text: text.slice(0, 200) });
}

function say(ctx: ChatActionContext, chatId: number, text: string, signal: AbortSignal): Promise<void> {
  return tell(ctx, 'sendMessage', signal, { chat_id: chatId, text });
}

/**
 * A reply to the person. When Telegram refuses or is unreachable it is logged and the update
 * still counts as handled: the action is in the store, and retrying the update forever (a
 * press too old to answer) would stall every press after it.
 */
async function tell(
  ctx: ChatActionContext,
  method: string,
  signal: AbortSignal,
  body: object,
): Promise<void> {
  try {
    await callBotApi(ctx.api, method, body, signal);
  } catch (error) {
    if (!(error instanceof BotApiError)) throw error;
    ctx.log(`telegram ${ctx.channel}: could not reply to a chat action: ${error.message}`, 'warn');
  }
}

function refusalEvent(telegramId: string, what: string, at: number): SecurityEvent {
  return {
    '@timestamp': new Date(at).toISOString(),
    event: {
      kind: 'event',
      category: ['web'],
      action: 'access_forbidden',
      outcome: 'failure',
      reason: `telegram ${what} by an unmapped user`,
    },
    user: { id: telegramId, name: `telegram:${telegramId}` },
    service: { name: TELEGRAM_SERVICE },
  };
}
