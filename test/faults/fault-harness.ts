import { expect } from 'vitest';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKlaxonConfig } from '../../src/app/load-config.ts';
import type { LiveDaemon, LiveOptions } from '../../src/app/live/start-live.ts';
import { startLive } from '../../src/app/live/start-live.ts';
import type { HttpPeer } from '../support/http-peer.ts';
import { startHttpPeer } from '../support/http-peer.ts';
import { createMemoryLogger } from '../support/memory-logger.ts';

import { waitFor } from '../support/wait-for.ts';

export { waitFor };

/** One sshd "Failed password" line, as syslog writes it. */
export function sshdFailure(at: Date, ip: string, user: string, pid: number): string {
  const month = at.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const day = String(at.getUTCDate()).padStart(2, ' ');
  const time = at.toISOString().slice(11, 19);
  return `${month} ${day} ${time} web1 sshd[${pid}]: Failed password for invalid user ${user} from ${ip} port ${40000 + pid} ssh2\n`;
}

/** Twelve failures from `ip` in the last minute: one `ssh-brute-force-source` incident. */
export function bruteForce(ip: string, base = Date.now() - 30_000): string {
  let lines = '';
  for (let i = 0; i < 12; i++) lines += sshdFailure(new Date(base + i * 1000), ip, `user${i}`, 100 + i);
  return lines;
}

/** What the webhook received under one notification id. */
export interface Delivery {
  ip: string;
  rule: string;
  type: string;
  count: number;
}

/** A daemon following `auth.log` into `store`, delivering every incident to a webhook receiver. */
export interface FaultRig {
  dir: string;
  log: string;
  receiver: HttpPeer;
  lines: string[];
  daemon: LiveDaemon;
  /** `sources` replaces the followed `auth.log` (YAML flow maps, one per source). */
  start(store: string, extra?: Partial<LiveOptions>, sources?: string[]): Promise<LiveDaemon>;
  append(text: string): void;
  /** Brute-force incidents per source address, as the store holds them. */
  incidentsByIp(): Promise<Map<string, number>>;
  /** Webhook deliveries per notification id (`webhook-id`), and how many requests arrived in all. */
  deliveries(): Map<string, Delivery>;
  close(): Promise<void>;
}

export async function createFaultRig(): Promise<FaultRig> {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-fault-'));
  const log = join(dir, 'auth.log');
  writeFileSync(log, '');
  const receiver = await startHttpPeer({ status: 200 });
  const { logger, lines } = createMemoryLogger();
  let daemon: LiveDaemon | undefined;
  const rig: FaultRig = {
    dir,
    log,
    receiver,
    lines,
    get daemon() {
      if (!daemon) throw new Error('the daemon is not running');
      return daemon;
    },
    async start(
      store,
      extra = {},
      sources = [`{ type: file, name: auth, path: ${log}, format: sshd, poll: 20ms }`],
    ) {
      writeFileSync(
        join(dir, 'klaxon.yaml'),
        [
          `store: ${store}`,
          'sources:',
          ...sources.map((source) => `  - ${source}`),
          'channels:',
          `  soc-hook: { type: webhook, url: ${receiver.url}/hook, secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw }`,
          'routes:',
          '  - { match: { priority: [P1, P2, P3, P4, P5] }, channels: [soc-hook] }',
        ].join('\n'),
      );
      const config = await loadKlaxonConfig(join(dir, 'klaxon.yaml'));
      daemon = await startLive({
        config,
        listen: { host: '127.0.0.1', port: 0 },
        tickMs: 50,
        checkpointEveryMs: 200,
        logger,
        ...extra,
      });
      return daemon;
    },
    append(text) {
      appendFileSync(log, text);
    },
    async incidentsByIp() {
      const counts = new Map<string, number>();
      for (const incident of await rig.daemon.store.incidents.list({ limit: 1000 })) {
        if (incident.ruleId !== 'ssh-brute-force-source') continue;
        const ip = incident.group['source.ip'] ?? '?';
        counts.set(ip, (counts.get(ip) ?? 0) + 1);
      }
      return counts;
    },
    deliveries() {
      const byId = new Map<string, Delivery>();
      for (const request of receiver.requests) {
        const id = String(request.headers['webhook-id']);
        const body = JSON.parse(request.body) as {
          type: string;
          data: { incident?: { group?: Record<string, string>; ruleId?: string } };
        };
        const seen = byId.get(id);
        const incident = body.data.incident;
        if (seen) seen.count++;
        else
          byId.set(id, {
            ip: incident?.group?.['source.ip'] ?? '',
            rule: incident?.ruleId ?? '',
            type: body.type,
            count: 1,
          });
      }
      return byId;
    },
    async close() {
      await daemon?.stop();
      daemon = undefined;
      await receiver.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return rig;
}

/** /readyz as an operator's probe sees it. */
export async function readyz(rig: FaultRig): Promise<{ status: number; failing: string[] }> {
  const response = await fetch(`http://127.0.0.1:${rig.daemon.address().port}/readyz`);
  const body = (await response.json()) as { checks: { name: string; ok: boolean }[] };
  return { status: response.status, failing: body.checks.filter((c) => !c.ok).map((c) => c.name) };
}

/**
 * The end of every fault scenario: each address's brute force is one incident, its "opened"
 * notification reached the webhook, no notification arrived twice, and the outbox is drained.
 */
export async function expectEachOnce(rig: FaultRig, ips: readonly string[]): Promise<void> {
  await waitFor('an incident for every address', async () => {
    const incidents = await rig.incidentsByIp();
    return ips.every((ip) => incidents.has(ip));
  });
  await waitFor('a delivery for every incident', () => {
    const delivered = [...rig.deliveries().values()];
    return ips.every((ip) => delivered.some((d) => d.ip === ip && isBruteForceOpened(d)));
  });
  await waitFor('the outbox to drain', async () =>
    (await rig.daemon.store.outbox.health()).every((channel) => channel.pending + channel.sending === 0),
  );
  const incidents = await rig.incidentsByIp();
  expect(Object.fromEntries(incidents)).toEqual(Object.fromEntries(ips.map((ip) => [ip, 1])));
  const deliveries = [...rig.deliveries().values()];
  expect(deliveries.filter((d) => d.count > 1)).toEqual([]);
  for (const ip of ips)
    expect(deliveries.filter((d) => d.ip === ip && isBruteForceOpened(d))).toHaveLength(1);
}

function isBruteForceOpened(delivery: Delivery): boolean {
  return delivery.rule === 'ssh-brute-force-source' && delivery.type === 'incident.opened';
}
