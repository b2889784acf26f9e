import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { SlackInteraction } from '../../channels/slack/index.ts';
import { createServer } from '../create-server.ts';
import type { ChatRefusal } from './chat-refusal.ts';
import { registerSlackInteractivity } from './slack-interactivity-route.ts';

const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const NOW = Date.UTC(2026, 11, 5, 6, 0, 0);
const PATH = '/slack/interactivity/soc-slack';

const form = (value: string) =>
  new URLSearchParams({
    payload: JSON.stringify({
      type: 'block_actions',
      user: { id: 'U024BE7LH' },
      actions: [{ action_id: 'klaxon_ack', value }],
      response_url: 'https://hooks.slack.com/actions/T0/1/x',
    }),
  }).toString();

const signed = (body: string, at = NOW, secret = SECRET) => {
  const timestamp = String(Math.floor(at / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature };
};

describe('the Slack interactivity route', () => {
  let app: FastifyInstance;
  let presses: SlackInteraction[];
  let refusals: ChatRefusal[];
  beforeEach(async () => {
    presses = [];
    refusals = [];
    app = createServer();
    registerSlackInteractivity(
      app,
      [{ channel: 'soc-slack', signingSecret: SECRET, handle: async (press) => void presses.push(press) }],
      () => NOW,
      (refusal) => refusals.push(refusal),
    );
    await app.ready();
  });
  afterEach(() => app.close());

  const post = (body: string, headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: PATH,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: body,
    });

  it('hands a signed press to the handler', async () => {
    const body = form('ack:42');
    const reply = await post(body, signed(body));
    expect(reply.statusCode).toBe(200);
    expect(presses).toEqual([
      {
        kind: 'button',
        userId: 'U024BE7LH',
        action: 'ack',
        serial: 42,
        responseUrl: 'https://hooks.slack.com/actions/T0/1/x',
      },
    ]);
  });

  it('answers 401 with the reason for a bad signature, a changed body and a stale timestamp', async () => {
    const body = form('ack:42');
    const badSecret = await post(body, signed(body, NOW, 'another0secret0000000000'));
    expect(badSecret.statusCode).toBe(401);
    expect(badSecret.json()).toMatchObject({
      error: 'unauthorized',
      message: expect.stringContaining('does not match'),
    });
    expect((await post(form('ack:43'), signed(body))).statusCode).toBe(401);
    const stale = await post(body, signed(body, NOW - 6 * 60_000));
    expect(stale.statusCode).toBe(401);
    expect(stale.json().message).toContain('more than 5 minutes');
    expect((await post(body, {})).json().message).toBe('missing X-Slack-Request-Timestamp header');
    expect(presses).toEqual([]);
    expect(refusals).toHaveLength(4);
    expect(JSON.stringify(refusals)).not.toContain(SECRET);
  });

  it('answers 200 to a signed request that is not a Klaxon press; refuses JSON (unsigned) and bodies over the limit', async () => {
    const body = 'payload=%7B%22type%22%3A%22view_closed%22%7D';
    expect((await post(body, signed(body))).statusCode).toBe(200);
    expect(presses).toEqual([]);
    const json = await app.inject({ method: 'POST', url: PATH, payload: { payload: '{}' } });
    expect(json.statusCode).toBe(401);
    const big = `payload=${'x'.repeat(300 * 1024)}`;
    expect((await post(big, signed(big))).statusCode).toBe(413);
  });
});
