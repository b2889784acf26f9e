import { afterEach, describe, expect, it } from 'vitest';
import { startHttpPeer, type HttpPeer } from '../../test/support/http-peer.ts';
import { pingHeartbeat } from './ping-heartbeat.ts';

const SECRET_PATH = '/ping/5f3a1c9e-0d2b-4e7a-9c1f-secret';

describe('pingHeartbeat against a local HTTP server', () => {
  let peer: HttpPeer | undefined;
  afterEach(async () => {
    await peer?.close();
    peer = undefined;
  });

  it('GETs the URL and reports ok', async () => {
    peer = await startHttpPeer({ status: 200, body: 'OK' });
    const result = await pingHeartbeat(`${peer.url}${SECRET_PATH}`, fetch, new AbortController().signal);
    expect(result).toEqual({ ok: true, status: 200 });
    expect(peer.requests.map((r) => [r.method, r.path])).toEqual([['GET', SECRET_PATH]]);
  });

  it('POSTs a body when given one', async () => {
    peer = await startHttpPeer({ status: 200 });
    const body = 'last incident #42, 0 dead letters';
    const result = await pingHeartbeat(`${peer.url}${SECRET_PATH}`, fetch, new AbortController().signal, {
      body,
    });
    expect(result.ok).toBe(true);
    expect(peer.requests[0]).toMatchObject({ method: 'POST', body });
    expect(peer.requests[0]?.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('follows a redirect to the final answer', async () => {
    peer = await startHttpPeer((request) =>
      request.path === '/old' ? { status: 302, headers: { location: '/new' } } : { status: 200 },
    );
    const result = await pingHeartbeat(`${peer.url}/old`, fetch, new AbortController().signal);
    expect(result).toEqual({ ok: true, status: 200 });
    expect(peer.requests.map((r) => r.path)).toEqual(['/old', '/new']);
  });

  it.each([404, 500, 503])('reports HTTP %i as a failure without the URL', async (status) => {
    peer = await startHttpPeer({ status, body: `nope ${SECRET_PATH}` });
    const result = await pingHeartbeat(`${peer.url}${SECRET_PATH}`, fetch, new AbortController().signal);
    expect(result).toEqual({
      ok: false,
      reason: 'status',
      status,
      message: `heartbeat ping answered HTTP ${status}`,
    });
  });

  it('reports a refused connection as a network failure', async () => {
    peer = await startHttpPeer();
    const url = `${peer.url}${SECRET_PATH}`;
    await peer.close();
    const result = await pingHeartbeat(url, fetch, new AbortController().signal);
    expect(result).toMatchObject({ ok: false, reason: 'network' });
    expect(result.ok ? '' : result.message).toContain('ECONNREFUSED');
    expect(JSON.stringify(result)).not.toContain('secret');
  });

  it('reports a timeout when the signal times out while the server holds the request', async () => {
    peer = await startHttpPeer(() => new Promise(() => undefined));
    const controller = new AbortController();
    void peer.nextRequest().then(() => controller.abort(new DOMException('timed out', 'TimeoutError')));
    const result = await pingHeartbeat(`${peer.url}${SECRET_PATH}`, fetch, controller.signal);
    expect(result).toEqual({ ok: false, reason: 'timeout', message: 'heartbeat ping timed out' });
  });

  it('reports a plain cancel as aborted', async () => {
    peer = await startHttpPeer(() => new Promise(() => undefined));
    const controller = new AbortController();
    void peer.nextRequest().then(() => controller.abort());
    const result = await pingHeartbeat(`${peer.url}${SECRET_PATH}`, fetch, controller.signal);
    expect(result).toMatchObject({ ok: false, reason: 'aborted' });
  });

  it.each(['not a url', 'ftp://example.com/ping/secret', ''])(
    'refuses %j without quoting it',
    async (url) => {
      const result = await pingHeartbeat(url, fetch, new AbortController().signal);
      expect(result).toEqual({
        ok: false,
        reason: 'config',
        message: 'the heartbeat ping URL is not a valid http(s) URL',
      });
    },
  );

  it('turns a throwing fetch into a failure value', async () => {
    const throwing = (() => {
      throw new TypeError(`fetch failed for ${SECRET_PATH}`);
    }) as unknown as typeof fetch;
    const result = await pingHeartbeat(
      `http://127.0.0.1:9${SECRET_PATH}`,
      throwing,
      new AbortController().signal,
    );
    expect(result).toEqual({ ok: false, reason: 'network', message: 'heartbeat ping failed: network error' });
  });
});
