import type { ChannelDefinition } from '../channel.ts';
import type { SlackMessage } from './blocks.ts';
import { renderSlack } from './render.ts';
import { checkSlackSettings, slackConfigSchema, slackSecretsSchema } from './schema.ts';
import type { SlackConfig, SlackSecrets } from './schema.ts';
import { sendSlack } from './send.ts';

export type { SlackBlock, SlackMessage } from './blocks.ts';
export type { SlackConfig, SlackSecrets } from './schema.ts';
export { slackInteractivityPath } from './schema.ts';
export { verifySlackSignature, type SignatureCheck } from './verify-signature.ts';
export { parseSlackInteraction, type SlackInteraction } from './interaction.ts';
export { postSlackResponse } from './respond.ts';

/** Slack incoming webhook with Block Kit; the webhook URL is a secret. */
export const slackChannel: ChannelDefinition<SlackConfig, SlackSecrets, SlackMessage> = {
  type: 'slack',
  configSchema: slackConfigSchema,
  secretsSchema: slackSecretsSchema,
  render: renderSlack,
  send: sendSlack,
  checkSettings: checkSlackSettings,
};
