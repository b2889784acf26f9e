import { afterEach, describe, expect, it } from 'vitest';
import { startHttpPeer } from '../../../test/support/http-peer.ts';
import type { HttpPeer } from '../../../test/support/http-peer.ts';
import { createEsAgent, sendEsRequest } from './es-http.ts';

let peer: HttpPeer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

describe('sendEsRequest', () => {
  it('sends JSON below the path of the cluster URL and reads the answer as text', async () => {
    peer = await startHttpPeer({
      status: 200,
      headers: { 'x-elastic-product': 'Elasticsearch' },
      body: { ok: 1 },
    });
    const url = new URL(`${peer.url}/proxy/es/`);
    const agent = createEsAgent(url, undefined);
    const reply = await sendEsRequest(
      { url, headers: { authorization: 'ApiKey abc' }, timeoutMs: 5_000, agent },
      { method: 'DELETE', path: '/_pit', body: { id: 'p1' } },
      new AbortController().signal,
    );
    agent.destroy();
    expect(reply).toMatchObject({
      status: 200,
      body: '{"ok":1}',
      headers: { 'x-elastic-product': 'Elasticsearch' },
    });
    const request = peer.requests[0];
    expect(request).toMatchObject({ method: 'DELETE', path: '/proxy/es/_pit', body: '{"id":"p1"}' });
    expect(request?.headers).toMatchObject({
      authorization: 'ApiKey abc',
      accept: 'application/json',
      'content-type': 'application/json',
      'content-length': '11',
    });
  });

  it('sends no body and no content-type for a GET', async () => {
    peer = await startHttpPeer({ status: 200, body: {} });
    const url = new URL(peer.url);
    const agent = createEsAgent(url, undefined);
    await sendEsRequest(
      { url, headers: {}, timeoutMs: 5_000, agent },
      { method: 'GET', path: '/' },
      new AbortController().signal,
    );
    agent.destroy();
    expect(peer.requests[0]?.headers['content-type']).toBeUndefined();
    expect(peer.requests[0]?.body).toBe('');
  });

  it('rejects with ETIMEDOUT when no answer comes in time', async () => {
    peer = await startHttpPeer(() => new Promise(() => {}));
    const url = new URL(peer.url);
    const agent = createEsAgent(url, undefined);
    const sending = sendEsRequest(
      { url, headers: {}, timeoutMs: 100, agent },
      { method: 'GET', path: '/' },
      new AbortController().signal,
    );
    await expect(sending).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    agent.destroy();
  });
});
