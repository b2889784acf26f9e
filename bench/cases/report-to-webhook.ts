// End to end in one live daemon: an application reports failed logins to the ingest API; the
// 10th failure for one account opens `app-login-failures-user`, and a signed webhook goes to a
// local receiver. The first nine failures of every account are reported up front; then the 10th
// failures come at `rate` per second, one request each, so incidents open at that rate.
// Latency = the receiver's arrival time - the moment the 10th report was sent. The first `warm`
// accounts' 10th failures go first, at the same rate, and are reported apart (`coldP50`,
// `coldMax`): the first incidents after start run code V8 has not compiled yet and open the
// webhook's connections, which would otherwise set the p99 of a 2-second run (all of its ~4
// slowest were among the first 20 incidents; 2026-12-05).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKlaxonConfig } from '../../src/app/load-config.ts';
import { startLive } from '../../src/app/live/start-live.ts';
import { createTokenValue, hashToken } from '../../src/server/index.ts';
import { report } from './measure.ts';

const [accountsArg = '400', toleranceArg = '2000', tickArg = '250', rateArg = '200', warmArg = '100'] =
  process.argv.slice(2);
const warm = Number(warmArg);
const accounts = Number(accountsArg) + warm;
const rate = Number(rateArg);

const arrivals = new Map<string, number>();
const receiver = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  request.on('end', () => {
    const user = /"user\.name":"(bench-\d+)"/.exec(body)?.[1];
    if (user && request.headers['webhook-signature'] && !arrivals.has(user))
      arrivals.set(user, performance.now());
    response.writeHead(200).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

const dir = mkdtempSync(join(tmpdir(), 'klaxon-e2e-'));
writeFileSync(
  join(dir, 'klaxon.yaml'),
  [
    `store: sqlite:${join(dir, 'k.db')}`,
    'sources: [{ type: http, name: apps }]',
    `channels: { soar: { type: webhook, url: "${hook}", secret: whsec_${Buffer.alloc(32, 7).toString('base64')} } }`,
    'routes: [{ match: { rule: [app-login-failures-user] }, channels: [soar] }]',
  ].join('\n'),
);
const config = await loadKlaxonConfig(join(dir, 'klaxon.yaml'));
const live = await startLive({
  config,
  listen: { host: '127.0.0.1', port: 0 },
  toleranceMs: Number(toleranceArg),
  tickMs: Number(tickArg),
});
const token = createTokenValue();
await live.store.apiTokens.add(
  { name: 'shop', hash: hashToken(token), scopes: ['ingest'], service: 'shop', createdBy: 'bench' },
  Date.now(),
);
const url = `http://127.0.0.1:${live.address().port}/api/v1/events`;
const post = async (events: object[]) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(events),
  });
  await response.arrayBuffer();
};
// Each account from its own address: one attacker behind all of them would join every incident
// in one case, and each message would then list the whole case (reads that grow with its size).
const failure = (user: string) => ({
  event: { category: ['authentication'], action: 'login', outcome: 'failure' },
  user: { name: user },
  source: { ip: `10.${(Number(user.slice(6)) >> 8) & 255}.${Number(user.slice(6)) & 255}.7` },
});

const users = Array.from({ length: accounts }, (_, n) => `bench-${n}`);
for (let n = 0; n < accounts; n += 50)
  await post(users.slice(n, n + 50).flatMap((user) => Array.from({ length: 9 }, () => failure(user))));
// Let detection take the first nine of every account in before the clock starts.
await new Promise((resolve) => setTimeout(resolve, 3_000));

const sentAt = new Map<string, number>();
const started = performance.now();
await Promise.all(
  users.map(async (user, n) => {
    const wait = started + (n * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    sentAt.set(user, performance.now());
    await post([failure(user)]);
  }),
);
const deadline = performance.now() + 30_000;
while (arrivals.size < accounts && performance.now() < deadline)
  await new Promise((resolve) => setTimeout(resolve, 20));
const latencyOf = (user: string) =>
  arrivals.has(user) ? [(arrivals.get(user) as number) - (sentAt.get(user) as number)] : [];
const cold = users.slice(0, warm).flatMap(latencyOf);
const latencies = users.slice(warm).flatMap(latencyOf);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
};
const pct = (p: number) => percentile(latencies, p);
const elapsed = performance.now() - started;
await live.stop();
receiver.close();
report({
  ms: elapsed,
  events: accounts * 10,
  rate: Math.round((accounts * 1000) / elapsed),
  delivered: latencies.length,
  p50: pct(50),
  p99: pct(99),
  max: pct(100),
  coldDelivered: cold.length,
  coldP50: percentile(cold, 50),
  coldMax: percentile(cold, 100),
});
