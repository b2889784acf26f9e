// Through the outbox to a local webhook receiver: notifications are written one transaction at a
// time at a steady rate (as the notify stage writes them next to their incident change), the
// daemon's delivery loop (woken by each enqueue, idle 500 ms otherwise) delivers them, and the
// receiver notes when each arrives. Latency = arrival - enqueue.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webhookChannel } from '../../src/channels/webhook/index.ts';
import { sampleNotification } from '../../src/channels/testdata/notifications.ts';
import { runDeliveryLoop } from '../../src/app/delivery-loop.ts';
import { createWaker } from '../../src/core/index.ts';
import { openStore } from '../../src/store/index.ts';
import { report } from './measure.ts';

const [storeArg, rateArg, secondsArg] = process.argv.slice(2);
const rate = Number(rateArg ?? 200);
const seconds = Number(secondsArg ?? 10);
const total = rate * seconds;
const url =
  storeArg && storeArg !== '-'
    ? storeArg
    : `sqlite:${join(mkdtempSync(join(tmpdir(), 'klaxon-latency-')), 'o.db')}`;

const enqueuedAt = new Map<string, number>();
const latencies: number[] = [];
const receiver = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const id = String(request.headers['webhook-id']);
    const started = enqueuedAt.get(id);
    if (started !== undefined) latencies.push(performance.now() - started);
    response.writeHead(200).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const port = (receiver.address() as AddressInfo).port;

const store = await openStore(url);
const channel = {
  name: 'soar',
  definition: webhookChannel,
  config: webhookChannel.configSchema.parse({ url: `http://127.0.0.1:${port}/hook` }),
  secrets: webhookChannel.secretsSchema.parse({
    signing_secrets: `whsec_${Buffer.alloc(32, 1).toString('base64')}`,
  }),
};
const stop = new AbortController();
const delivery = runDeliveryLoop({
  store,
  channels: [channel],
  worker: 'bench',
  now: Date.now,
  sleep: createWaker().sleep,
  signal: stop.signal,
});

let produced = 0;
const started = performance.now();
const producer = (async () => {
  while (produced < total) {
    const due = started + (produced * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const id = `n-${produced}`;
    const { sequence: _sequence, ...notification } = sampleNotification({
      id,
      channel: 'soar',
      createdAt: Date.now(),
    });
    enqueuedAt.set(id, performance.now());
    await store.transaction((tx) => tx.outbox.enqueue([notification], Date.now()));
    produced++;
  }
})();
await producer;
const deadline = performance.now() + 30_000;
while (latencies.length < total && performance.now() < deadline)
  await new Promise((resolve) => setTimeout(resolve, 20));
stop.abort();
await delivery;
const elapsed = performance.now() - started;
latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10;
await store.close();
receiver.close();
report({
  ms: elapsed,
  events: total,
  p50: pct(50),
  p99: pct(99),
  max: pct(100),
  rate: Math.round((total * 1000) / elapsed),
});
