import type { SendContext, SendResult } from '../channel.ts';
import { postJson } from '../http.ts';
import type { SlackMessage } from './blocks.ts';
import { classifySlackReply } from './classify-reply.ts';
import type { SlackConfig, SlackSecrets } from './schema.ts';

/** Posts once to the incoming webhook; the webhook URL (a secret) never reaches a message. */
export async function sendSlack(
  message: SlackMessage,
  context: SendContext<SlackConfig, SlackSecrets>,
): Promise<SendResult> {
  const reply = await postJson({ url: context.secrets.webhook_url, body: JSON.stringify(message) }, context);
  if (reply.kind !== 'reply') return reply;
  return classifySlackReply(reply, context.now(), context.secrets.webhook_url);
}
