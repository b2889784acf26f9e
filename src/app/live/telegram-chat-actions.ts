import {
  BotApiError,
  callBotApi,
  reasonPrompt,
  type BotApiTarget,
  type ChatUpdate,
} from '../../channels/telegram/index.ts';
import { admitChatPerson, attemptChatAction } from './chat-person.ts';
import type { ChatIncidentActions, ChatPersonContext } from './chat-person.ts';

export interface ChatActionContext extends ChatPersonContext {
  api: BotApiTarget;
  actions: ChatIncidentActions;
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
  const what =
    update.kind === 'button'
      ? `${update.action.action} #${update.action.serial}`
      : `resolve #${update.serial}`;
  const user = await admitChatPerson('telegram', update.fromId, what, ctx);
  if (user === undefined) {
    const text = 'not allowed: your Telegram account is not mapped to a Klaxon user who may act on incidents';
    if (update.kind === 'button') await answer(ctx, update.callbackId, text, signal);
    return;
  }
  if (update.kind === 'reason') {
    const refusal = await attemptChatAction(() =>
      ctx.actions.resolve(update.serial, user, ctx.now(), update.reason),
    );
    if (refusal !== undefined) await say(ctx, update.chatId, refusal, signal);
    return;
  }
  const { action, serial } = update.action;
  if (action === 'ack') {
    const refusal = await attemptChatAction(() => ctx.actions.acknowledge(serial, user, ctx.now()));
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
