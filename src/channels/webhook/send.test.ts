import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpPeer } from '../../../test/support/http-peer.ts';
import type { HttpPeer, RecordedRequest } from '../../../test/support/http-peer.ts';
import { sampleNotification } from '../testdata/notifications.ts';
import { renderWebhook } from './render.ts';
import { webhookConfigSchema, webhookSecretsSchema } from './schema.ts';
import { sendWebhook } from './send.ts';
import { HUB_SECRET, NEW_SECRET, OLD_SECRET, TOKEN } from './testdata/secrets.ts';
import { signHubSignature } from './sign.ts';

// standardwebhooks checks the timestamp against its own clock (5 minutes tolerance): sign at "now".
const NOW = Date.now();

describe('sendWebhook', () => {
  let peer: HttpPeer;
  beforeAll(async () => {
    peer = await startHttpPeer({ status: 204 });
  });
  afterAll(() => peer.close());

  async function deliver(rawConfig: object, rawSecrets: object): Promise<RecordedRequest> {
    const config = webhookConfigSchema.parse({ url: `${peer.url}/hooks/klaxon`, ...rawConfig });
    const secrets = webhookSecretsSchema.parse(rawSecrets);
    const before = peer.requests.length;
    const result = await sendWebhook(renderWebhook(sampleNotification(), config), {
      config,
      secrets,
      fetch,
      signal: new AbortController().signal,
      now: () => NOW,
      idempotencyKey: 'ntf-42-opened-soc',
    });
    expect(result).toEqual({ kind: 'ok' });
    const request = peer.requests[before];
    if (!request) throw new Error('the peer got no request');
    return request;
  }

  function standardHeaders(request: RecordedRequest): Record<string, string> {
    const { headers } = request;
    return {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    };
  }

  it('sends a body that verifies with the standardwebhooks library under the notification id', async () => {
    const request = await deliver({}, { signing_secrets: NEW_SECRET });
    const payload = new Webhook(NEW_SECRET).verify(request.body, standardHeaders(request));
    expect(payload).toMatchObject({
      type: 'incident.opened',
      data: { id: 'ntf-42-opened-soc', sequence: 17 },
    });
    expect(request.headers['webhook-id']).toBe('ntf-42-opened-soc');
    expect(request.headers['webhook-timestamp']).toBe(String(Math.floor(NOW / 1000)));
    expect(request.headers['content-type']).toBe('application/json');
  });

  it('signs with every key during a rotation, so receivers holding either key verify', async () => {
    const request = await deliver({}, { signing_secrets: `${NEW_SECRET} ${OLD_SECRET}` });
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() => new Webhook(NEW_SECRET).verify(request.body, standardHeaders(request))).not.toThrow();
    expect(() => new Webhook(OLD_SECRET).verify(request.body, standardHeaders(request))).not.toThrow();
  });

  it('fails verification when the body was tampered with', async () => {
    const request = await deliver({}, { signing_secrets: NEW_SECRET });
    const tampered = request.body.replace('"sequence":17', '"sequence":18');
    expect(() => new Webhook(NEW_SECRET).verify(tampered, standardHeaders(request))).toThrow(/signature/i);
  });

  it('adds X-Hub-Signature-256, config headers, secret headers and the configured method', async () => {
    const request = await deliver(
      { method: 'PUT', headers: { 'X-Team': 'soc' } },
      {
        signing_secrets: [NEW_SECRET],
        hub_secret: HUB_SECRET,
        secret_headers: { Authorization: `Bearer ${TOKEN}` },
      },
    );
    expect(request.method).toBe('PUT');
    expect(request.path).toBe('/hooks/klaxon');
    expect(request.headers['x-hub-signature-256']).toBe(signHubSignature(HUB_SECRET, request.body));
    expect(request.headers['x-team']).toBe('soc');
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('reports the receiver explanation on a 422 as fail/client', async () => {
    peer.respond({ status: 422, body: { error: 'unknown incident kind' } });
    const config = webhookConfigSchema.parse({ url: peer.url });
    const result = await sendWebhook(renderWebhook(sampleNotification(), config), {
      config,
      secrets: webhookSecretsSchema.parse({ signing_secrets: NEW_SECRET }),
      fetch,
      signal: new AbortController().signal,
      now: () => NOW,
      idempotencyKey: 'ntf-42-opened-soc',
    });
    expect(result).toEqual({
      kind: 'fail',
      reason: 'client',
      message: 'HTTP 422 Unprocessable Entity: {"error":"unknown incident kind"}',
    });
  });
});
