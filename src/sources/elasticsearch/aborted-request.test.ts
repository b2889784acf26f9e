import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEsClient } from './es-client.ts';
import { resolveEsSettings } from './resolve-settings.ts';
import type { EsSettings } from './resolve-settings.ts';
import { esConfigSchema } from './schema.ts';

// A cluster that answers only once the request was aborted (never, for an aborted one).
const held: (() => void)[] = [];
const server = createServer((_request, response) => {
  held.push(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{"pit_id":"p"}'));
});
let settings: EsSettings;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const config = esConfigSchema.parse({ url: `http://127.0.0.1:${port}`, index: 'logs' });
  settings = resolveEsSettings(config, {}) as EsSettings;
});
afterAll(async () => {
  for (const answer of held) answer();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe.each(['OpenSearch', 'Elasticsearch'] as const)('a %s request aborted by its signal', (product) => {
  it('fails as aborted, and nothing else throws (a source stopping mid-request)', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    const client = createEsClient(settings, undefined, product);
    try {
      const stop = new AbortController();
      const request = { method: 'POST' as const, path: '/logs/_search/point_in_time?keep_alive=1m' };
      const call = client.call('opening a point in time', request, stop.signal);
      await expect.poll(() => held.length).toBeGreaterThan(0);
      stop.abort();
      const result = await call;
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.message).toMatch(/aborted/);
      // The abort's own events come a turn later.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      client.close();
      held.length = 0;
    }
  });
});
