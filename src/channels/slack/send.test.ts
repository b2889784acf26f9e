import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpPeer } from '../../../test/support/http-peer.ts';
import type { HttpPeer, PeerReply } from '../../../test/support/http-peer.ts';
import { sampleNotification } from '../testdata/notifications.ts';
import { renderSlack } from './render.ts';
import { slackConfigSchema } from './schema.ts';
import { sendSlack } from './send.ts';
import { SLACK_TOKEN } from './testdata/webhook-url.ts';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const config = slackConfigSchema.parse({});

describe('sendSlack', () => {
  let peer: HttpPeer;
  beforeAll(async () => {
    peer = await startHttpPeer({ status: 200, body: 'ok' });
  });
  afterAll(() => peer.close());

  async function sendWith(reply: PeerReply) {
    peer.respond(reply);
    const result = await sendSlack(renderSlack(sampleNotification(), config), {
      config,
      secrets: { webhook_url: `${peer.url}/services/T00000000/B00000000/${SLACK_TOKEN}` },
      fetch,
      signal: new AbortController().signal,
      now: () => NOW,
      idempotencyKey: 'ntf-42-opened-soc',
    });
    expect(JSON.stringify(result)).not.toContain(SLACK_TOKEN);
    return result;
  }

  it('posts the Block Kit JSON to the webhook path and reports ok on "ok"', async () => {
    expect(await sendWith({ status: 200, body: 'ok' })).toEqual({ kind: 'ok' });
    const request = peer.requests.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`/services/T00000000/B00000000/${SLACK_TOKEN}`);
    expect(request?.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request?.body ?? '{}') as { blocks: { type: string }[]; unfurl_links: boolean };
    expect(body.blocks[0]?.type).toBe('header');
    expect(body.unfurl_links).toBe(false);
  });

  it('dead-letters invalid_payload as a payload failure', async () => {
    expect(await sendWith({ status: 400, body: 'invalid_payload' })).toEqual({
      kind: 'fail',
      reason: 'payload',
      message: 'Slack: invalid_payload (HTTP 400): Slack could not read the message',
    });
  });

  it('dead-letters a removed webhook (404 no_service) as a config failure', async () => {
    expect(await sendWith({ status: 404, body: 'no_service' })).toMatchObject({
      kind: 'fail',
      reason: 'config',
    });
  });

  it('dead-letters an archived channel (410 channel_is_archived) as a config failure', async () => {
    expect(await sendWith({ status: 410, body: 'channel_is_archived' })).toMatchObject({
      kind: 'fail',
      reason: 'config',
      message: expect.stringContaining('channel_is_archived'),
    });
  });

  it('reports invalid_token (403) as an auth failure', async () => {
    expect(await sendWith({ status: 403, body: 'invalid_token' })).toMatchObject({
      kind: 'fail',
      reason: 'auth',
    });
  });

  it('retries at Retry-After when Slack returns 429', async () => {
    expect(await sendWith({ status: 429, headers: { 'retry-after': '30' }, body: 'rate_limited' })).toEqual({
      kind: 'retry',
      reason: 'rate_limited',
      message: 'HTTP 429 Too Many Requests: Slack: rate_limited',
      retryAt: NOW + 30_000,
    });
  });

  it('retries rollup_error (500) as a server error', async () => {
    expect(await sendWith({ status: 500, body: 'rollup_error' })).toMatchObject({
      kind: 'retry',
      reason: 'server',
    });
  });
});
