import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ChatUpdate } from '../../channels/telegram/index.ts';
import { createServer } from '../create-server.ts';
import type { ChatRefusal } from './chat-refusal.ts';
import { registerTelegramWebhooks } from './telegram-webhook-route.ts';

const SECRET = 'f3Hk9_qL2-mN8pR4sT6vX0yZ1aB3cD5e';
const PATH = '/telegram/webhook/soc-telegram';
const update = { update_id: 5, callback_query: { id: 'cb', from: { id: 123 }, data: 'ack:42' } };

describe('the Telegram webhook route', () => {
  let app: FastifyInstance;
  let handled: ChatUpdate[];
  let refusals: ChatRefusal[];
  let failing: boolean;
  beforeEach(async () => {
    handled = [];
    refusals = [];
    failing = false;
    app = createServer();
    registerTelegramWebhooks(
      app,
      [
        {
          channel: 'soc-telegram',
          secretToken: SECRET,
          handle: async (u) => {
            if (failing) throw new Error('the store is down');
            handled.push(u);
          },
        },
      ],
      (refusal) => refusals.push(refusal),
    );
    await app.ready();
  });
  afterEach(() => app.close());

  const post = (headers: Record<string, string>, payload: unknown = update) =>
    app.inject({
      method: 'POST',
      url: PATH,
      headers: { 'content-type': 'application/json', ...headers },
      payload: payload as object,
    });

  it('hands an update with the right secret to the handler', async () => {
    const reply = await post({ 'x-telegram-bot-api-secret-token': SECRET });
    expect(reply.statusCode).toBe(200);
    expect(handled).toEqual([
      { kind: 'button', updateId: 5, callbackId: 'cb', fromId: '123', action: { action: 'ack', serial: 42 } },
    ]);
  });

  it('answers 401 without the secret header and 403 with a wrong one, with a reason, and handles nothing', async () => {
    const missing = await post({});
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toEqual({
      error: 'unauthorized',
      message: 'missing X-Telegram-Bot-Api-Secret-Token header',
    });
    const wrong = await post({ 'x-telegram-bot-api-secret-token': `${SECRET.slice(0, -1)}x` });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().message).toContain('does not match');
    expect(wrong.body).not.toContain(SECRET);
    expect(handled).toEqual([]);
    expect(refusals.map((r) => r.reason)).toEqual([
      'missing X-Telegram-Bot-Api-Secret-Token header',
      expect.stringContaining('does not match'),
    ]);
  });

  it('refuses a body over the limit (413) and consumes updates it does not act on', async () => {
    const big = { ...update, message: { chat: { id: 1 }, text: 'x'.repeat(300 * 1024) } };
    expect((await post({ 'x-telegram-bot-api-secret-token': SECRET }, big)).statusCode).toBe(413);
    const odd = await post(
      { 'x-telegram-bot-api-secret-token': SECRET },
      { update_id: 6, edited_message: {} },
    );
    expect(odd.statusCode).toBe(200);
    expect(handled).toEqual([{ kind: 'ignored', updateId: 6 }]);
  });

  it('answers 500 when handling fails, so Telegram sends the update again', async () => {
    failing = true;
    expect((await post({ 'x-telegram-bot-api-secret-token': SECRET })).statusCode).toBe(500);
  });
});
