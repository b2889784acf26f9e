import type { SendContext, SendResult } from '../channel.ts';
import { postJson } from '../http.ts';
import { classifyPagerdutyReply } from './classify-reply.ts';
import type { PagerdutyEvent } from './render.ts';
import type { PagerdutyConfig, PagerdutySecrets } from './schema.ts';

/** One `POST /v2/enqueue`. The routing key joins the event only here, and is scrubbed from replies. */
export async function sendPagerduty(
  event: PagerdutyEvent,
  context: SendContext<PagerdutyConfig, PagerdutySecrets>,
): Promise<SendResult> {
  const key = context.secrets.routing_key;
  const url = `${context.config.base_url.replace(/\/+$/, '')}/v2/enqueue`;
  const reply = await postJson({ url, body: JSON.stringify({ routing_key: key, ...event }) }, context);
  if (reply.kind !== 'reply') return reply;
  return classifyPagerdutyReply(
    { ...reply, body: reply.body.split(key).join('<routing key>') },
    context.now(),
  );
}
