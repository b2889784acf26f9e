import { afterEach, describe, expect, it } from 'vitest';
import { startHttpPeer, type HttpPeer } from '../../../test/support/http-peer.ts';
import { ComponentHealth } from './component-health.ts';
import { runTelegramWebhookSetup } from './telegram-webhook-setup.ts';

const TOKEN = '110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const SECRET = 'k3Jd8_sL2-qP9wX4zR7tV1nB6mC0yH5g';

describe('runTelegramWebhookSetup', () => {
  let peer: HttpPeer | undefined;
  afterEach(() => peer?.close());

  it('retries setWebhook with backoff until Telegram accepts it, and keeps token and secret out of the log', async () => {
    let failures = 2;
    // A proxy that echoes the request into its error page: the secret must still not reach the log.
    peer = await startHttpPeer((request) =>
      failures-- > 0
        ? { status: 502, body: `bad gateway for ${request.body}` }
        : { status: 200, body: { ok: true, result: true } },
    );
    const lines: string[] = [];
    const health = new ComponentHealth(
      () => 0,
      (line) => lines.push(line),
    );
    await runTelegramWebhookSetup(
      {
        channel: 'soc-telegram',
        api: { baseUrl: peer.url, token: TOKEN, fetch },
        url: 'https://klaxon.example.org/telegram/webhook/soc-telegram',
        secretToken: SECRET,
        health,
        sleep: async () => {},
        log: (line) => lines.push(line),
      },
      new AbortController().signal,
    );
    expect(peer.requests).toHaveLength(3);
    expect(JSON.parse(peer.requests[2]!.body)).toEqual({
      url: 'https://klaxon.example.org/telegram/webhook/soc-telegram',
      secret_token: SECRET,
      allowed_updates: ['callback_query', 'message'],
    });
    expect(health.state('telegram soc-telegram')).toEqual({ kind: 'ok' });
    expect(lines.filter((line) => line.includes('failing'))).toHaveLength(1);
    expect(lines.join('\n')).toContain('setWebhook: HTTP 502');
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(lines.join('\n')).not.toContain(TOKEN.split(':')[1]);
  });
});
