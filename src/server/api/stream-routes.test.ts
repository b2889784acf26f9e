import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../core/index.ts';
import type { ApiFixture } from './testdata/api-fixture.ts';
import { startApi } from './testdata/api-fixture.ts';
import { openIncident } from './testdata/incidents.ts';

let api: ApiFixture;
let base: string;
beforeEach(async () => {
  api = await startApi({ streamKeepAliveMs: 50 });
  base = await api.app.listen({ host: '127.0.0.1', port: 0 });
});
afterEach(async () => {
  // fetch may leave a spare idle connection behind, which would hold up the close for seconds.
  api.app.server.closeAllConnections();
  await api.close();
});

/** Reads the stream until `done` says the text so far is enough (or 5 s pass). */
async function readUntil(response: Response, done: (text: string) => boolean): Promise<string> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 5_000;
  while (!done(text) && Date.now() < deadline) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}

describe('GET /stream', () => {
  it('delivers incident changes as Server-Sent Events, with keep-alive comments', async () => {
    const rita = await api.logIn('rita', 'responder');
    const response = await fetch(`${base}/api/v1/stream`, {
      headers: { cookie: `klaxon_session=${rita.cookie}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const incident = await openIncident(api.store);
    const text = await readUntil(response, (so) => {
      // Push the change once the stream has said hello (the subscription is in place then).
      if (so.startsWith(': connected') && api.changes.published.length === 0)
        api.changes.publish({ kind: 'opened', incident });
      return so.includes('event: incident') && so.includes(': keep-alive');
    });
    const block = text.split('\n\n').find((part) => part.startsWith('event: incident')) as string;
    const data = JSON.parse(block.split('\n')[1]?.replace(/^data: /, '') as string) as {
      kind: string;
      incident: Incident;
    };
    expect(data).toEqual({ kind: 'opened', incident });
    expect(text).toContain(': keep-alive\n\n');
  });

  it('accepts a read token as ?token= (EventSource cannot send headers) and refuses callers without one', async () => {
    const token = await api.createToken(await api.logIn('ada', 'admin'), 'wall', ['read']);
    const withToken = await fetch(`${base}/api/v1/stream?token=${token}`);
    expect(withToken.status).toBe(200);
    expect(await readUntil(withToken, (text) => text.includes(': connected'))).toContain(': connected');
    const without = await fetch(`${base}/api/v1/stream`);
    expect(without.status).toBe(401);
  });

  it('unsubscribes when the client goes away', async () => {
    const rita = await api.logIn('rita', 'responder');
    let listeners = 0;
    const subscribe = api.changes.subscribe;
    api.changes.subscribe = (listener) => {
      listeners += 1;
      const unsubscribe = subscribe(listener);
      return () => {
        listeners -= 1;
        unsubscribe();
      };
    };
    const response = await fetch(`${base}/api/v1/stream`, {
      headers: { cookie: `klaxon_session=${rita.cookie}` },
    });
    await readUntil(response, (text) => text.includes(': connected'));
    const deadline = Date.now() + 5_000;
    while (listeners > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(listeners).toBe(0);
  });
});
