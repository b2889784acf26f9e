// The ingest API on loopback: batches of 500 application events from a few keep-alive clients,
// next to a floor measured the same way in the same process: an endpoint that only parses the
// JSON body and answers 202. Both include HTTP and JSON.parse; the difference is what the ingest
// API adds (token check, rate limit, validation, the durable journal write).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, createTokenValue, hashToken, registerIngestRoutes } from '../../src/server/index.ts';
import { openStore } from '../../src/store/index.ts';
import { report } from './measure.ts';

const [mode = 'ingest', secondsArg = '8', storeArg = '-'] = process.argv.slice(2);
const seconds = Number(secondsArg);
const BATCH = 500;
const CLIENTS = 4;

const store = await openStore(
  storeArg !== '-' ? storeArg : `sqlite:${join(mkdtempSync(join(tmpdir(), 'klaxon-ingest-')), 'i.db')}`,
);
const token = createTokenValue();
await store.apiTokens.add(
  { name: 'bench', hash: hashToken(token), scopes: ['ingest'], service: 'shop-web', createdBy: 'bench' },
  Date.now(),
);
const app = createServer();
if (mode === 'floor') {
  app.post('/api/v1/events', async (request, reply) =>
    reply.status(202).send({ accepted: (request.body as unknown[]).length }),
  );
} else {
  registerIngestRoutes(app, { store, now: Date.now, rateLimit: { events: 10_000_000, perMs: 1_000 } });
}
await app.listen({ host: '127.0.0.1', port: 0 });
const { port } = app.server.address() as { port: number };

const body = JSON.stringify(
  Array.from({ length: BATCH }, (_, i) => ({
    '@timestamp': new Date(Date.now() - 1000 + i).toISOString(),
    event: { category: ['authentication'], action: 'login', outcome: 'failure' },
    user: { name: `user${i % 50}` },
    source: { ip: `198.51.100.${i % 250}` },
    url: { path: '/login' },
    http: { request: { method: 'POST' }, response: { status_code: 401 } },
    user_agent: { original: 'Mozilla/5.0 (X11; Linux x86_64) bench' },
  })),
);
const latencies: number[] = [];
let events = 0;
const deadline = performance.now() + seconds * 1000;
const started = performance.now();
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      await response.arrayBuffer();
      if (response.status !== 202) throw new Error(`ingest answered ${response.status}`);
      latencies.push(performance.now() - sent);
      events += BATCH;
    }
  }),
);
const elapsed = performance.now() - started;
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10;
const journaled =
  mode === 'floor' ? 0 : (await store.ingestJournal.readAfter(0, 1_000_000)).reduce((n, b) => n + b.count, 0);
await app.close();
await store.close();
report({
  ms: elapsed,
  events,
  journaled,
  p50: pct(50),
  p99: pct(99),
  rate: Math.round((events * 1000) / elapsed),
});
