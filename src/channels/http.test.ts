import { createServer } from 'node:http';
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpPeer } from '../../test/support/http-peer.ts';
import type { HttpPeer } from '../../test/support/http-peer.ts';
import {
  classifyFetchError,
  classifyHttpResponse,
  parseRetryAfter,
  postJson,
  redactSecrets,
  redactUrl,
} from './http.ts';
import { MAX_REPLY_BYTES } from './node-http-post.ts';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const noHeaders = new Headers();

describe('classifyHttpResponse', () => {
  it.each([
    [200, 'ok', undefined],
    [202, 'ok', undefined],
    [204, 'ok', undefined],
    [408, 'retry', 'timeout'],
    [425, 'retry', 'rate_limited'],
    [429, 'retry', 'rate_limited'],
    [500, 'retry', 'server'],
    [503, 'retry', 'server'],
    [599, 'retry', 'server'],
    [401, 'fail', 'auth'],
    [403, 'fail', 'auth'],
    [400, 'fail', 'client'],
    [404, 'fail', 'client'],
    [410, 'fail', 'client'],
    [301, 'fail', 'config'],
  ] as const)('classifies HTTP %i as %s/%s', (status, kind, reason) => {
    const result = classifyHttpResponse(status, noHeaders, NOW);
    expect(result.kind).toBe(kind);
    if (result.kind !== 'ok') expect(result.reason).toBe(reason);
  });

  it('retries at Retry-After seconds on 429', () => {
    const result = classifyHttpResponse(429, new Headers({ 'retry-after': '30' }), NOW);
    expect(result).toEqual({
      kind: 'retry',
      reason: 'rate_limited',
      message: 'HTTP 429 Too Many Requests',
      retryAt: NOW + 30_000,
    });
  });

  it('retries at a Retry-After HTTP-date on 503', () => {
    const at = NOW + 90_000;
    const result = classifyHttpResponse(503, new Headers({ 'retry-after': new Date(at).toUTCString() }), NOW);
    expect(result).toMatchObject({ kind: 'retry', reason: 'server', retryAt: at });
  });

  it('puts the peer detail in the message, flattened and clipped', () => {
    const result = classifyHttpResponse(400, noHeaders, NOW, `invalid_payload\n${'x'.repeat(500)}`);
    expect(
      result.kind === 'fail' && result.message.startsWith('HTTP 400 Bad Request: invalid_payload x'),
    ).toBe(true);
    expect(result.kind === 'fail' && result.message.length).toBeLessThan(240);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds, HTTP-dates, clamps past dates to now and ignores junk', () => {
    expect(parseRetryAfter('5', NOW)).toBe(NOW + 5000);
    expect(parseRetryAfter('0.5', NOW)).toBe(NOW + 500);
    expect(parseRetryAfter('Thu, 15 Jan 2026 12:01:00 GMT', NOW)).toBe(NOW + 60_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', NOW)).toBe(NOW);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });
});

describe('classifyFetchError', () => {
  it('treats abort and timeout as retry/timeout', () => {
    expect(classifyFetchError(new DOMException('aborted', 'AbortError'))).toMatchObject({
      kind: 'retry',
      reason: 'timeout',
    });
    expect(classifyFetchError(new DOMException('t', 'TimeoutError'))).toMatchObject({
      kind: 'retry',
      reason: 'timeout',
    });
  });

  it('treats DNS failures, refusals and resets as retry/network, naming the code only', () => {
    for (const code of ['ENOTFOUND', 'ECONNREFUSED', 'ECONNRESET', 'CERT_HAS_EXPIRED']) {
      const error = new TypeError('fetch failed', {
        cause: Object.assign(new Error(`getaddrinfo ${code} https://x/bot123:secret/`), { code }),
      });
      expect(classifyFetchError(error)).toEqual({
        kind: 'retry',
        reason: 'network',
        message: `network error (${code})`,
      });
    }
  });

  it('treats an invalid URL as fail/config without quoting it', () => {
    let error: unknown;
    try {
      new URL('not a url/bot123:secret');
    } catch (caught) {
      error = caught;
    }
    expect(classifyFetchError(error)).toEqual({ kind: 'fail', reason: 'config', message: 'invalid URL' });
  });
});

/** Three posts in a row to a local server answering with `handle`; each must get 200 'ok'. */
async function postThreeTimes(handle: RequestListener): Promise<void> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  try {
    for (let n = 0; n < 3; n++) {
      const reply = await postJson({ url, body: '{}' }, { fetch, signal: new AbortController().signal });
      expect(reply).toMatchObject({ kind: 'reply', status: 200, body: 'ok' });
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe('postJson', () => {
  let peer: HttpPeer | undefined;
  afterEach(() => peer?.close());

  it('posts the JSON body with headers and returns status, headers and body', async () => {
    peer = await startHttpPeer({ status: 429, headers: { 'retry-after': '3' }, body: 'rate_limited' });
    const reply = await postJson(
      { url: `${peer.url}/hook?x=1`, body: '{"a":1}', headers: { 'x-test': 'yes' } },
      { fetch, signal: new AbortController().signal },
    );
    expect(reply).toMatchObject({ kind: 'reply', status: 429, body: 'rate_limited' });
    expect(reply.kind === 'reply' && reply.headers.get('retry-after')).toBe('3');
    expect(peer.requests[0]).toMatchObject({ method: 'POST', path: '/hook?x=1', body: '{"a":1}' });
    expect(peer.requests[0]?.headers).toMatchObject({ 'content-type': 'application/json', 'x-test': 'yes' });
  });

  it('does not follow redirects', async () => {
    peer = await startHttpPeer({ status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } });
    const reply = await postJson(
      { url: peer.url, body: '{}' },
      { fetch, signal: new AbortController().signal },
    );
    expect(reply).toMatchObject({ kind: 'reply', status: 302 });
  });

  it('returns retry/network when nothing listens', async () => {
    const closed = await startHttpPeer();
    await closed.close();
    const reply = await postJson(
      { url: closed.url, body: '{}' },
      { fetch, signal: new AbortController().signal },
    );
    expect(reply).toMatchObject({
      kind: 'retry',
      reason: 'network',
      message: 'network error (ECONNREFUSED)',
    });
  });

  it('returns retry/timeout when the peer does not answer in time', async () => {
    peer = await startHttpPeer(() => new Promise(() => {}));
    const reply = await postJson({ url: peer.url, body: '{}' }, { fetch, signal: AbortSignal.timeout(200) });
    expect(reply).toEqual({ kind: 'retry', reason: 'timeout', message: 'request timed out' });
  });

  it('gives up on a reply body beyond MAX_REPLY_BYTES instead of holding it', async () => {
    peer = await startHttpPeer({ status: 200, body: 'x'.repeat(MAX_REPLY_BYTES + 1) });
    const reply = await postJson(
      { url: peer.url, body: '{}' },
      { fetch, signal: new AbortController().signal },
    );
    expect(reply).toEqual({
      kind: 'retry',
      reason: 'network',
      message: 'request failed (ERR_REPLY_TOO_LARGE)',
    });
  });

  it('keeps the connection open between posts', async () => {
    const ports = new Set<number>();
    await postThreeTimes((request, response) => {
      ports.add(request.socket.remotePort ?? 0);
      request.resume().on('end', () => response.writeHead(200).end('ok'));
    });
    expect(ports.size).toBe(1);
  });

  it('sends again on a new connection when a kept-alive one turns out closed by the peer', async () => {
    const served = new Map<unknown, number>();
    await postThreeTimes((request, response) => {
      const count = (served.get(request.socket) ?? 0) + 1;
      served.set(request.socket, count);
      // A second request on one connection meets the peer's idle close: reset, no reply.
      if (count > 1) request.socket.destroy();
      else request.resume().on('end', () => response.writeHead(200).end('ok'));
    });
    expect(served.size).toBe(3);
  });

  it('uses a fetch passed in instead of the built-in one as given', async () => {
    const seen: string[] = [];
    const own: typeof fetch = async (input) => {
      seen.push(String(input));
      return new Response('from own fetch', { status: 202 });
    };
    const reply = await postJson(
      { url: 'http://127.0.0.1:9/hook', body: '{}' },
      { fetch: own, signal: new AbortController().signal },
    );
    expect(reply).toMatchObject({ kind: 'reply', status: 202, body: 'from own fetch' });
    expect(seen).toEqual(['http://127.0.0.1:9/hook']);
  });
});

describe('redactUrl', () => {
  it('keeps only scheme and host', () => {
    expect(redactUrl('https://hooks.slack.com/services/T0/B0/secret?x=1')).toBe('https://hooks.slack.com/…');
    expect(redactUrl('::')).toBe('<invalid url>');
  });
});

describe('redactSecrets', () => {
  it('hides plain secrets wherever they appear', () => {
    expect(redactSecrets('echo: Bearer tok_0123456789 and tok_0123456789', ['tok_0123456789'])).toBe(
      'echo: Bearer <secret> and <secret>',
    );
  });

  it('hides a secret URL whole, by path and query, and by its long segments', () => {
    const url =
      'https://hooks.slack.com/services/T000/B000/qZ8rT2vX9yB4nM6kL1pW3sD5?sig=Xk3vQ9rT2mZ8bN1pL4sW';
    const echoed = `POST ${url} | /services/T000/B000/qZ8rT2vX9yB4nM6kL1pW3sD5?sig=Xk3vQ9rT2mZ8bN1pL4sW | qZ8rT2vX9yB4nM6kL1pW3sD5 | Xk3vQ9rT2mZ8bN1pL4sW`;
    const redacted = redactSecrets(echoed, [url]);
    expect(redacted).toBe('POST <secret> | <secret> | <secret> | <secret>');
  });

  it('leaves text alone when no secret occurs', () => {
    expect(
      redactSecrets('invalid_payload', ['https://hooks.slack.com/services/T0/B0/abcdefghijklmnopqrstuvwx']),
    ).toBe('invalid_payload');
  });
});
