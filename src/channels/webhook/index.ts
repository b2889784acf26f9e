import type { ChannelDefinition } from '../channel.ts';
import { renderWebhook } from './render.ts';
import type { WebhookBody } from './render.ts';
import { webhookConfigSchema, webhookSecretsSchema } from './schema.ts';
import type { WebhookConfig, WebhookSecrets } from './schema.ts';
import { sendWebhook } from './send.ts';

export type { WebhookBody, WebhookData } from './render.ts';
export type { WebhookConfig, WebhookSecrets } from './schema.ts';

/** Generic JSON webhook, signed per the Standard Webhooks spec (and optionally X-Hub-Signature-256). */
export const webhookChannel: ChannelDefinition<WebhookConfig, WebhookSecrets, WebhookBody> = {
  type: 'webhook',
  configSchema: webhookConfigSchema,
  secretsSchema: webhookSecretsSchema,
  render: renderWebhook,
  send: sendWebhook,
  // Standard Webhooks promise no order across messages (receivers have webhook-timestamp and the
  // sequence): one slow round trip must not hold up the alerts behind it.
  maxInFlight: 8,
};
