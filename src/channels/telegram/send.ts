import type { SendContext, SendResult } from '../channel.ts';
import { postJson } from '../http.ts';
import { classifyTelegramReply } from './classify-reply.ts';
import type { TelegramMessage } from './render.ts';
import type { TelegramConfig, TelegramSecrets } from './schema.ts';

/**
 * One `sendMessage` call. The token sits in the URL path (`/bot<token>/sendMessage`), so the URL is
 * never put into a result, and every message is scrubbed of the token once more before it leaves.
 */
export async function sendTelegram(
  message: TelegramMessage,
  context: SendContext<TelegramConfig, TelegramSecrets>,
): Promise<SendResult> {
  const token = context.secrets.bot_token;
  const url = `${context.config.base_url.replace(/\/+$/, '')}/bot${token}/sendMessage`;
  const reply = await postJson({ url, body: JSON.stringify(message) }, context);
  if (reply.kind !== 'reply') return scrubResult(reply, token);
  // Scrub before the description is clipped, so no clipped half of a token survives either.
  const scrubbed = { ...reply, body: scrubText(reply.body, token) };
  return scrubResult(classifyTelegramReply(scrubbed, message.chat_id, context.now()), token);
}

function scrubResult(result: SendResult, token: string): SendResult {
  if (result.kind === 'ok') return result;
  const message = scrubText(result.message, token);
  return message === result.message ? result : { ...result, message };
}

function scrubText(text: string, token: string): string {
  if (token.length === 0) return text;
  const secretPart = token.slice(token.indexOf(':') + 1);
  const scrubbed = text.split(token).join('<bot token>');
  return secretPart.length >= 8 ? scrubbed.split(secretPart).join('<bot token>') : scrubbed;
}
