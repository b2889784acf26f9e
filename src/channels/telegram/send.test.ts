import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpPeer } from '../../../test/support/http-peer.ts';
import type { HttpPeer, PeerReply } from '../../../test/support/http-peer.ts';
import type { SendResult } from '../channel.ts';
import { sampleNotification } from '../testdata/notifications.ts';
import { renderTelegram } from './render.ts';
import type { TelegramConfig } from './schema.ts';
import { telegramConfigSchema, telegramSecretsSchema } from './schema.ts';
import { sendTelegram } from './send.ts';

const TOKEN = '110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);

/** Error replies exactly as the Bot API writes them (status, JSON body, Retry-After on floods). */
function telegramError(status: number, description: string, parameters?: object): PeerReply {
  const retryAfter = (parameters as { retry_after?: number } | undefined)?.retry_after;
  return {
    status,
    headers: retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
    body: { ok: false, error_code: status, description, ...(parameters && { parameters }) },
  };
}

describe('sendTelegram', () => {
  let peer: HttpPeer;
  beforeAll(async () => {
    peer = await startHttpPeer();
  });
  afterAll(() => peer.close());

  const send = (reply: PeerReply, config: Partial<TelegramConfig> = {}, fetchImpl: typeof fetch = fetch) => {
    peer.respond(reply);
    const parsed = telegramConfigSchema.parse({ chat_id: 123456789, base_url: `${peer.url}/`, ...config });
    return sendTelegram(renderTelegram(sampleNotification(), parsed), {
      config: parsed,
      secrets: telegramSecretsSchema.parse({ bot_token: TOKEN }),
      fetch: fetchImpl,
      signal: new AbortController().signal,
      now: () => NOW,
      idempotencyKey: 'ntf-42-opened-soc',
    });
  };
  const expectNoToken = (result: SendResult) => {
    const text = JSON.stringify(result);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.split(':')[1]);
  };

  it("answers the incident's first message with a person's action, by the id that send reported", async () => {
    const parsed = telegramConfigSchema.parse({ chat_id: 123456789, base_url: `${peer.url}/` });
    const context = {
      config: parsed,
      secrets: telegramSecretsSchema.parse({ bot_token: TOKEN }),
      fetch,
      signal: new AbortController().signal,
      now: () => NOW,
      idempotencyKey: 'ntf-42',
    };
    peer.respond({ status: 200, body: { ok: true, result: { message_id: 9001 } } });
    const first = await sendTelegram(renderTelegram(sampleNotification(), parsed), context);
    expect(first).toEqual({ kind: 'ok', providerMessageId: '9001' });
    // The outbox keeps that id and puts it on the person-action notification as `replyTo`.
    const acked = sampleNotification({
      kind: 'person-action',
      personAction: { action: 'ack', by: 'alice', at: NOW },
      replyTo: first.kind === 'ok' ? first.providerMessageId : undefined,
    });
    peer.respond({ status: 200, body: { ok: true, result: { message_id: 9002 } } });
    expect(await sendTelegram(renderTelegram(acked, parsed), context)).toEqual({
      kind: 'ok',
      providerMessageId: '9002',
    });
    const body = JSON.parse(peer.requests.at(-1)!.body) as Record<string, unknown>;
    expect(body.reply_to_message_id).toBe(9001);
    expect(body.text).toContain('acknowledged by alice');
  });

  it('posts the message as JSON to /bot<token>/sendMessage and reports the message id', async () => {
    const result = await send({
      status: 200,
      body: { ok: true, result: { message_id: 4711, chat: { id: 123456789 } } },
    });
    expect(result).toEqual({ kind: 'ok', providerMessageId: '4711' });
    const request = peer.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/bot${TOKEN}/sendMessage`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toMatchObject({ chat_id: 123456789, parse_mode: 'HTML' });
  });

  it('retries at parameters.retry_after when Telegram returns 429', async () => {
    const result = await send(telegramError(429, 'Too Many Requests: retry after 5', { retry_after: 5 }));
    expect(result).toEqual({
      kind: 'retry',
      reason: 'rate_limited',
      message: 'Telegram said "Too Many Requests: retry after 5": flood control',
      retryAt: NOW + 5000,
    });
  });

  it('retries at retry_after from the body when the Retry-After header is missing', async () => {
    const reply = telegramError(429, 'Too Many Requests: retry after 31', { retry_after: 31 });
    const result = await send({ ...reply, headers: {} });
    expect(result).toMatchObject({ kind: 'retry', retryAt: NOW + 31_000 });
  });

  it('fails for good with a plain explanation when the user blocked the bot', async () => {
    const result = await send(telegramError(403, 'Forbidden: bot was blocked by the user'));
    expect(result).toMatchObject({ kind: 'fail', reason: 'config' });
    expect((result as { message: string }).message).toMatch(
      /blocked the bot.*unblock it and send it \/start/,
    );
  });

  it('fails with config when the bot was kicked from the group', async () => {
    const result = await send(telegramError(403, 'Forbidden: bot was kicked from the supergroup chat'));
    expect(result).toMatchObject({ kind: 'fail', reason: 'config' });
    expect((result as { message: string }).message).toContain('add it back');
  });

  it('explains that chat_id must be numeric and the bot started when the chat is not found', async () => {
    const result = await send(telegramError(400, 'Bad Request: chat not found'));
    expect(result).toMatchObject({ kind: 'fail', reason: 'config' });
    const { message } = result as { message: string };
    expect(message).toContain('no chat 123456789 for this bot');
    expect(message).toContain('numeric id');
    expect(message).toContain('/start');
  });

  it('gives a specific hint when a @username chat id is not found', async () => {
    const result = await send(telegramError(400, 'Bad Request: chat not found'), { chat_id: '@alice_soc' });
    expect(result).toMatchObject({ kind: 'fail', reason: 'config' });
    expect((result as { message: string }).message).toContain(
      'chat_id @alice_soc is a @username, which only works for public channels',
    );
  });

  it('names the new chat id when the group became a supergroup', async () => {
    const result = await send(
      telegramError(400, 'Bad Request: group chat was upgraded to a supergroup chat', {
        migrate_to_chat_id: -1001234567890,
      }),
    );
    expect(result).toMatchObject({ kind: 'fail', reason: 'config' });
    expect((result as { message: string }).message).toContain('set chat_id to -1001234567890');
  });

  it('fails with payload when Telegram cannot parse the markup', async () => {
    const result = await send(
      telegramError(400, 'Bad Request: can\'t parse entities: Unsupported start tag "script"'),
    );
    expect(result).toMatchObject({ kind: 'fail', reason: 'payload' });
  });

  it('fails with auth and says the bot token is wrong on 401 Unauthorized', async () => {
    const result = await send(telegramError(401, 'Unauthorized'));
    expect(result).toMatchObject({ kind: 'fail', reason: 'auth' });
    expect((result as { message: string }).message).toContain('wrong bot token');
    expectNoToken(result);
  });

  it('fails with auth on 404 Not Found, which the Bot API answers for a malformed token path', async () => {
    expect(await send(telegramError(404, 'Not Found'))).toMatchObject({ kind: 'fail', reason: 'auth' });
  });

  it('retries on a 502 HTML page from the proxy in front of the Bot API', async () => {
    const result = await send({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html><body>502 Bad Gateway</body></html>',
    });
    expect(result).toMatchObject({ kind: 'retry', reason: 'server', message: 'HTTP 502 Bad Gateway' });
  });

  it('retries on 500 Internal Server Error with the description', async () => {
    const result = await send(telegramError(500, 'Internal Server Error: restart'));
    expect(result).toMatchObject({
      kind: 'retry',
      reason: 'server',
      message: 'HTTP 500 Internal Server Error: Internal Server Error: restart',
    });
  });

  it('never puts the bot token into a result, even when fetch and Telegram quote it', async () => {
    const quoting: typeof fetch = (input) =>
      Promise.reject(new TypeError(`Failed to parse URL from ${String(input)}`));
    expectNoToken(await send({ status: 200 }, {}, quoting));
    const echo = await send(
      telegramError(400, `Bad Request: unknown token ${TOKEN} in /bot${TOKEN}/sendMessage`),
    );
    expect(echo).toMatchObject({ kind: 'fail', reason: 'client' });
    expectNoToken(echo);
    expect((echo as { message: string }).message).toContain('<bot token>');
    const clipped = await send(telegramError(400, `Bad Request: ${'x'.repeat(157)} ${TOKEN}`));
    expect(JSON.stringify(clipped)).not.toContain(TOKEN.slice(10, 28));
  });
});
