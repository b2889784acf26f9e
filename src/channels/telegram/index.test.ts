import { describe, expect, it } from 'vitest';
import type { PeerReply } from '../../../test/support/http-peer.ts';
import { describeChannelContract } from '../channel.contract.ts';
import { TELEGRAM_TEXT_LIMIT } from './compose-text.ts';
import { telegramChannel, telegramRateLimits } from './index.ts';

const TOKEN = '110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

/** How the Bot API answers each status (a 502 comes from its nginx front as HTML). */
function telegramReply(status: number): Omit<PeerReply, 'status'> {
  if (status === 200) return { body: { ok: true, result: { message_id: 1 } } };
  if (status === 502)
    return { headers: { 'content-type': 'text/html' }, body: '<html>502 Bad Gateway</html>' };
  const descriptions: Record<number, string> = {
    400: 'Bad Request: message to be replied not found',
    401: 'Unauthorized',
    403: 'Forbidden: bot was blocked by the user',
    404: 'Not Found',
    429: 'Too Many Requests: retry after 7',
  };
  const description = descriptions[status] ?? `${status} error`;
  return {
    body: {
      ok: false,
      error_code: status,
      description,
      ...(status === 429 && { parameters: { retry_after: 7 } }),
    },
    ...(status === 429 && { headers: { 'retry-after': '7' } }),
  };
}

describeChannelContract(telegramChannel, {
  config: { chat_id: -1001234567890 },
  secrets: { bot_token: TOKEN },
  invalidConfigs: [
    {},
    { chat_id: 0 },
    { chat_id: 'alerts' },
    { chat_id: '@ab' },
    { chat_id: 12, base_url: 'ftp://api.telegram.org' },
    { chat_id: 12, base_url: 'https://api.telegram.org/?x=1' },
    { chat_id: 12, parse_mode: 'Markdown' },
  ],
  invalidSecrets: [
    {},
    { bot_token: '' },
    { bot_token: 'AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw' },
    { bot_token: `${TOKEN}/x` },
  ],
  secretValues: [TOKEN, TOKEN.split(':')[1]!],
  checkPayload(payload) {
    expect(payload.parse_mode).toBe('HTML');
    expect(payload.text.length).toBeGreaterThan(0);
    expect(payload.text.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    // Only the tags Telegram allows; every other < is escaped.
    expect(payload.text).not.toMatch(/<(?!\/?(b|i|pre)>|a href="|\/a>)/);
  },
  http: {
    target: (url) => ({ config: { chat_id: 123456789, base_url: url }, secrets: { bot_token: TOKEN } }),
    reply: telegramReply,
    reasons: { 403: 'config', 404: 'auth' },
  },
});

describe('telegramRateLimits', () => {
  it('gives the outbox one message per second per chat and twenty per minute per group', () => {
    expect(telegramRateLimits.perChat).toEqual({ messages: 1, intervalMs: 1000 });
    expect(telegramRateLimits.perGroup).toEqual({ messages: 20, intervalMs: 60_000 });
  });
});
