import { createHmac } from 'node:crypto';

/**
 * `webhook-signature` per the Standard Webhooks spec: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`
 * for each `whsec_` key, space-separated, so receivers verify against any key during a rotation.
 */
export function signStandardWebhook(
  secrets: readonly string[],
  id: string,
  timestamp: number,
  body: string,
): string {
  const content = `${id}.${timestamp}.${body}`;
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
      return `v1,${createHmac('sha256', key).update(content, 'utf8').digest('base64')}`;
    })
    .join(' ');
}

/** GitHub-style `X-Hub-Signature-256` value: `sha256=<hex HMAC-SHA256 of the body>`. */
export function signHubSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
