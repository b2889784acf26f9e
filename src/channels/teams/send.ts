import type { SendContext, SendResult } from '../channel.ts';
import { postJson } from '../http.ts';
import type { TeamsMessage } from './card.ts';
import { classifyTeamsReply } from './classify-reply.ts';
import type { TeamsConfig, TeamsSecrets } from './schema.ts';

/** Posts once to the Workflows webhook; 200 and 202 Accepted both mean the flow took it. */
export async function sendTeams(
  message: TeamsMessage,
  context: SendContext<TeamsConfig, TeamsSecrets>,
): Promise<SendResult> {
  const reply = await postJson({ url: context.secrets.webhook_url, body: JSON.stringify(message) }, context);
  if (reply.kind !== 'reply') return reply;
  return classifyTeamsReply(reply, context.now(), context.secrets.webhook_url);
}
