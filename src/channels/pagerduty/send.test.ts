import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpPeer } from '../../../test/support/http-peer.ts';
import type { HttpPeer, PeerReply } from '../../../test/support/http-peer.ts';
import { SAMPLE_INCIDENT, sampleNotification } from '../testdata/notifications.ts';
import type { Notification } from '../../core/index.ts';
import { renderPagerduty } from './render.ts';
import { pagerdutyConfigSchema, pagerdutySecretsSchema } from './schema.ts';
import { sendPagerduty } from './send.ts';

const ROUTING_KEY = 'R015ABCDEFGHIJKLMNOPQRSTUVWXYZ01';
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

describe('sendPagerduty', () => {
  let peer: HttpPeer;
  beforeAll(async () => {
    peer = await startHttpPeer();
  });
  afterAll(() => peer.close());

  const send = (reply: PeerReply, notification: Notification = sampleNotification()) => {
    peer.respond(reply);
    const config = pagerdutyConfigSchema.parse({ base_url: peer.url });
    return sendPagerduty(renderPagerduty(notification, config), {
      config,
      secrets: pagerdutySecretsSchema.parse({ routing_key: ROUTING_KEY }),
      fetch,
      signal: new AbortController().signal,
      now: () => NOW,
      idempotencyKey: notification.id,
    });
  };
  const accepted: PeerReply = {
    status: 202,
    body: { status: 'success', message: 'Event processed', dedup_key: 'klaxon-42' },
  };

  it('posts the event with the routing key to /v2/enqueue and reports the dedup key', async () => {
    expect(await send(accepted)).toEqual({ kind: 'ok', providerMessageId: 'klaxon-42' });
    const request = peer.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v2/enqueue');
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: 'klaxon-42',
      payload: { severity: 'error', source: 'klaxon' },
    });
  });

  it('sends acknowledge for an incident acknowledged in Klaxon', async () => {
    const incident = { ...SAMPLE_INCIDENT, status: 'acknowledged' as const };
    await send(accepted, sampleNotification({ kind: 'updated', incident }));
    expect(JSON.parse(peer.requests.at(-1)!.body)).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'acknowledge',
      dedup_key: 'klaxon-42',
      client: 'Klaxon',
      client_url: 'https://klaxon.example.com/incidents/42',
      links: [{ href: 'https://klaxon.example.com/incidents/42', text: 'Klaxon incident #42' }],
    });
  });

  it('fails with payload on 400 invalid event, quoting PagerDuty errors', async () => {
    const result = await send({
      status: 400,
      body: {
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: ["'payload.summary' is missing or blank"],
      },
    });
    expect(result).toEqual({
      kind: 'fail',
      reason: 'payload',
      message: "PagerDuty refused the event: 'payload.summary' is missing or blank",
    });
  });

  it('fails with config when PagerDuty refuses the routing key, without naming it', async () => {
    const result = await send({
      status: 400,
      body: {
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: [`Invalid routing key ${ROUTING_KEY}`],
      },
    });
    expect(result).toMatchObject({ kind: 'fail', reason: 'config' });
    expect(JSON.stringify(result)).not.toContain(ROUTING_KEY);
    expect((result as { message: string }).message).toContain('check the integration key');
  });

  it('retries when PagerDuty throttles with 429', async () => {
    const result = await send({
      status: 429,
      body: {
        status: 'throttle event',
        message: 'Requests for this service are arriving too quickly. Please retry later.',
      },
    });
    expect(result).toMatchObject({ kind: 'retry', reason: 'rate_limited' });
    expect(result).not.toHaveProperty('retryAt');
  });

  it('retries on 500 and 503', async () => {
    expect(await send({ status: 500, body: '' })).toMatchObject({ kind: 'retry', reason: 'server' });
    expect(await send({ status: 503, headers: { 'retry-after': '30' } })).toMatchObject({
      kind: 'retry',
      reason: 'server',
      retryAt: NOW + 30_000,
    });
  });
});
