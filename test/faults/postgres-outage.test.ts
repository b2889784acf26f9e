import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestPostgres } from '../support/postgres.ts';
import { startPostgres } from '../support/postgres.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import type { FaultRig } from './fault-harness.ts';
import { bruteForce, createFaultRig, expectEachOnce, readyz, waitFor } from './fault-harness.ts';

/** How long each outage lasts: real seconds, since PostgreSQL is a real server. */
const OUTAGE_MS = 2_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL outages under a running daemon', () => {
  let postgres: TestPostgres;
  let rig: FaultRig;
  let database = 0;

  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
  });
  beforeEach(async () => {
    rig = await createFaultRig();
  });
  afterEach(async () => {
    await rig.close();
    await postgres.startServer();
  });

  async function freshStore(): Promise<string> {
    database++;
    return postgres.createDatabase(`outage_${database}`);
  }

  async function outage(): Promise<void> {
    await postgres.stopServer();
    const seen = await waitFor('/readyz to report the store', async () => {
      const ready = await readyz(rig);
      return ready.status === 503 && ready.failing.includes('store') ? ready : undefined;
    });
    expect(seen.status).toBe(503);
    const metrics = await (await fetch(`http://127.0.0.1:${rig.daemon.address().port}/metrics`)).text();
    expect(metrics).toContain('klaxon_component_up{component="store"} 0');
    await pause(OUTAGE_MS);
    await postgres.startServer();
  }

  it('stopped three times during ingest: every incident once, every notification once, /readyz told', async () => {
    await rig.start(await freshStore());
    const ips = ['203.0.113.1', '203.0.113.2', '203.0.113.3'];
    for (const ip of ips) {
      rig.append(bruteForce(ip));
      await outage();
    }
    await expectEachOnce(rig, ips);
    await waitFor('/readyz to be ready again', async () => (await readyz(rig)).status === 200);
    const metrics = await (await fetch(`http://127.0.0.1:${rig.daemon.address().port}/metrics`)).text();
    expect(metrics).toContain('klaxon_component_up{component="store"} 1');
    // One line when the store starts failing and one when it recovers, per outage: not one per retry.
    const storeLines = rig.lines.filter((line) => /^store (failing|recovered)/.test(line));
    expect(storeLines.length).toBeLessThanOrEqual(2 * ips.length);
    expect(storeLines.at(-1)).toMatch(/store recovered/);
  }, 90_000);

  // A minute or more of outage: backoff reaches its 10 s cap. Slow, so run on demand:
  // KLAXON_LONG_OUTAGE_MS=120000 npx vitest run test/faults/postgres-outage.test.ts
  const longOutageMs = Number(process.env.KLAXON_LONG_OUTAGE_MS ?? 0);
  it.skipIf(!(longOutageMs > 0))(
    'stopped for minutes: detection and delivery resume by themselves within the backoff cap',
    async () => {
      await rig.start(await freshStore());
      rig.append(bruteForce('203.0.113.50'));
      await postgres.stopServer();
      await pause(longOutageMs);
      await postgres.startServer();
      const back = Date.now();
      rig.append(bruteForce('203.0.113.51'));
      await expectEachOnce(rig, ['203.0.113.50', '203.0.113.51']);
      console.log(`long outage of ${longOutageMs} ms: delivered again ${Date.now() - back} ms after restart`);
      expect(Date.now() - back).toBeLessThan(15_000);
    },
    longOutageMs + 60_000,
  );

  it('stopped while a notification is on its way: it is recorded as sent, not sent again', async () => {
    await rig.start(await freshStore());
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    rig.receiver.respond(async () => {
      await held;
      return { status: 200 };
    });
    rig.append(bruteForce('198.51.100.1'));
    await rig.receiver.nextRequest();
    await postgres.stopServer();
    release();
    await waitFor(
      'delivery to notice the outage',
      () => rig.daemon.health.state('delivery')?.kind === 'retrying',
    );
    await pause(OUTAGE_MS);
    await postgres.startServer();
    rig.append(bruteForce('198.51.100.2'));
    await expectEachOnce(rig, ['198.51.100.1', '198.51.100.2']);
    const held1 = [...rig.deliveries().values()].filter((d) => d.ip === '198.51.100.1');
    expect(held1.every((d) => d.count === 1)).toBe(true);
  }, 90_000);

  it('connections cut by the network, while idle and during commits: nothing lost or doubled', async () => {
    const url = new URL(await freshStore());
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
    try {
      url.port = String(proxy.port);
      await rig.start(url.toString());
      const ips = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4'];
      for (const [n, ip] of ips.entries()) {
        rig.append(bruteForce(ip));
        // Alternately at once (the batch's commit is on the wire) and once it is in.
        if (n % 2 === 1)
          await waitFor(`the incident of ${ip}`, async () => (await rig.incidentsByIp()).get(ip));
        proxy.cutAll();
      }
      await expectEachOnce(rig, ips);
      expect(proxy.open).toBeGreaterThan(0);
    } finally {
      await rig.close();
      await proxy.close();
    }
  }, 90_000);
});
