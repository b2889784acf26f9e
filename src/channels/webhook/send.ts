import type { SendContext, SendResult } from '../channel.ts';
import { classifyHttpResponse, postJson, redactSecrets } from '../http.ts';
import type { WebhookBody } from './render.ts';
import type { WebhookConfig, WebhookSecrets } from './schema.ts';
import { signHubSignature, signStandardWebhook } from './sign.ts';

/**
 * Signs and posts the body once. `webhook-id` is the notification id, the same on every retry, so
 * receivers can drop duplicates; the timestamp is the delivery time, so retries are signed afresh.
 */
export async function sendWebhook(
  body: WebhookBody,
  context: SendContext<WebhookConfig, WebhookSecrets>,
): Promise<SendResult> {
  const { config, secrets } = context;
  const text = JSON.stringify(body);
  const timestamp = Math.floor(context.now() / 1000);
  const headers: Record<string, string> = {
    'user-agent': 'Klaxon',
    ...config.headers,
    ...secrets.secret_headers,
    'webhook-id': context.idempotencyKey,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signStandardWebhook(
      secrets.signing_secrets,
      context.idempotencyKey,
      timestamp,
      text,
    ),
  };
  if (secrets.hub_secret !== undefined)
    headers['x-hub-signature-256'] = signHubSignature(secrets.hub_secret, text);
  const reply = await postJson({ url: config.url, method: config.method, body: text, headers }, context);
  if (reply.kind !== 'reply') return reply;
  const secretValues = [
    ...Object.values(secrets.secret_headers),
    ...secrets.signing_secrets,
    ...(secrets.hub_secret ? [secrets.hub_secret] : []),
  ];
  return classifyHttpResponse(
    reply.status,
    reply.headers,
    context.now(),
    redactSecrets(reply.body, secretValues),
  );
}
