import type { SendResult } from '../channel.ts';
import type { HttpReply } from '../http.ts';
import { classifyHttpResponse, clipDetail, parseRetryAfter } from '../http.ts';

/** What the Bot API answers: `{ok:true,result}` or `{ok:false,error_code,description,parameters}`. */
interface TelegramBody {
  ok?: boolean;
  result?: { message_id?: number };
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/**
 * A Bot API reply as a SendResult. Telegram's own error texts decide first (flood control, chat
 * not found, bot blocked), each with an explanation a person can act on; anything else falls back
 * to the shared HTTP status table.
 */
export function classifyTelegramReply(reply: HttpReply, chatId: number | string, now: number): SendResult {
  const body = parseBody(reply.body);
  if (reply.status >= 200 && reply.status < 300 && body?.ok === true) {
    const id = body.result?.message_id;
    return id === undefined ? { kind: 'ok' } : { kind: 'ok', providerMessageId: String(id) };
  }
  const description = typeof body?.description === 'string' ? clipDetail(body.description) : undefined;
  const said = description ? `Telegram said "${description}"` : `Telegram answered HTTP ${reply.status}`;
  const retryAfter = body?.parameters?.retry_after;
  if (typeof retryAfter === 'number' && retryAfter >= 0) {
    // The Bot API sends the same number as a Retry-After header; if they ever differ, wait for both.
    const retryAt = Math.max(
      now + Math.ceil(retryAfter * 1000),
      parseRetryAfter(reply.headers.get('retry-after'), now) ?? 0,
    );
    return { kind: 'retry', reason: 'rate_limited', message: `${said}: flood control`, retryAt };
  }
  const migratedTo = body?.parameters?.migrate_to_chat_id;
  if (typeof migratedTo === 'number') {
    return fail('config', `${said}: the group became a supergroup; set chat_id to ${migratedTo}`);
  }
  if (reply.status === 401) {
    return fail('auth', `${said}: wrong bot token; copy it again from @BotFather (it may have been revoked)`);
  }
  if (reply.status === 404) {
    return fail('auth', `${said}: the bot token is malformed or base_url does not point at a Bot API server`);
  }
  const lower = description?.toLowerCase() ?? '';
  if (reply.status === 403) return fail('config', `${said}: ${explainForbidden(lower)}`);
  if (reply.status === 400) {
    const known = explainBadRequest(lower, chatId);
    if (known) return fail(known.reason, `${said}: ${known.explanation}`);
  }
  const shared = classifyHttpResponse(reply.status, reply.headers, now, description);
  if (shared.kind === 'ok') return fail('client', `${said}: the reply was not ok`);
  return shared;
}

function explainForbidden(description: string): string {
  if (description.includes('blocked by the user')) {
    return 'the person blocked the bot; they must unblock it and send it /start before messages can reach them';
  }
  if (description.includes('kicked') || description.includes('not a member')) {
    return 'the bot is not in that chat any more; add it back to the group or channel (as an admin of a channel)';
  }
  if (description.includes("can't initiate conversation")) {
    return 'a bot cannot write first; the person must open the bot and send it /start';
  }
  if (description.includes('deactivated'))
    return 'the Telegram account of this chat was deleted; configure another chat_id';
  return 'the bot may not write to this chat; check that it is a member with the right to send messages';
}

function explainBadRequest(
  description: string,
  chatId: number | string,
): { reason: 'config' | 'payload'; explanation: string } | undefined {
  if (description.includes('chat not found'))
    return { reason: 'config', explanation: explainChatNotFound(chatId) };
  if (description.includes('not enough rights') || description.includes('have no rights')) {
    return {
      reason: 'config',
      explanation: 'the bot lacks the right to send messages in this chat; grant it in the chat settings',
    };
  }
  if (description.includes('thread not found') || description.includes('topic_closed')) {
    return {
      reason: 'config',
      explanation: 'message_thread_id names a topic that does not exist or is closed',
    };
  }
  if (
    description.includes("can't parse entities") ||
    description.includes('too long') ||
    description.includes('text is empty')
  ) {
    return { reason: 'payload', explanation: 'Telegram refused the message itself' };
  }
  return undefined;
}

function explainChatNotFound(chatId: number | string): string {
  if (typeof chatId === 'string' && chatId.startsWith('@')) {
    return (
      `chat_id ${chatId} is a @username, which only works for public channels; for a person or a group set ` +
      'chat_id to the numeric id (getUpdates shows it once the chat has written to the bot)'
    );
  }
  return (
    `no chat ${chatId} for this bot; chat_id must be the numeric id of a chat the bot takes part in: ` +
    'the person must have sent the bot /start, or the bot must have been added to the group'
  );
}

function fail(reason: 'auth' | 'config' | 'payload' | 'client', message: string): SendResult {
  return { kind: 'fail', reason, message };
}

function parseBody(text: string): TelegramBody | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as TelegramBody) : undefined;
  } catch {
    return undefined;
  }
}
