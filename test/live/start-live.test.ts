import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKlaxonConfig } from '../../src/app/load-config.ts';
import type { LiveDaemon } from '../../src/app/live/start-live.ts';
import { startLive } from '../../src/app/live/start-live.ts';
import { createTokenValue, hashToken } from '../../src/server/index.ts';
import type { HttpPeer } from '../support/http-peer.ts';
import { startHttpPeer } from '../support/http-peer.ts';
import { waitFor } from '../support/wait-for.ts';

/** An sshd failure as syslog writes it at `at`, its wall time `offsetMs` ahead of UTC (no zone written). */
function sshdFailure(at: Date, ip: string, user: string, pid: number, offsetMs = 0): string {
  const wall = new Date(at.getTime() + offsetMs);
  const month = wall.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const day = String(wall.getUTCDate()).padStart(2, ' ');
  const time = wall.toISOString().slice(11, 19);
  return `${month} ${day} ${time} web1 sshd[${pid}]: Failed password for invalid user ${user} from ${ip} port ${40000 + pid} ssh2\n`;
}

describe('klaxon start (live operation)', () => {
  let dir: string;
  let receiver: HttpPeer;
  let daemon: LiveDaemon | undefined;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'klaxon-live-'));
    receiver = await startHttpPeer({ status: 200 });
  });
  afterEach(async () => {
    await daemon?.stop();
    daemon = undefined;
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(): Promise<LiveDaemon> {
    const config = await loadKlaxonConfig(join(dir, 'klaxon.yaml'));
    daemon = await startLive({
      config,
      listen: { host: '127.0.0.1', port: 0 },
      tickMs: 50,
      checkpointEveryMs: 100,
    });
    return daemon;
  }

  function writeConfig(extra = '', fileSettings = ''): void {
    writeFileSync(
      join(dir, 'klaxon.yaml'),
      [
        `store: sqlite:${join(dir, 'klaxon.db')}`,
        'sources:',
        `  - { type: file, name: auth, path: ${join(dir, 'auth.log')}, format: sshd, poll: 20ms${fileSettings} }`,
        '  - { type: http, name: apps }',
        'channels:',
        `  soc-hook: { type: webhook, url: ${receiver.url}/hook, secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw }`,
        'routes:',
        '  - { match: { priority: [P1, P2, P3, P4, P5] }, channels: [soc-hook] }',
        extra,
      ].join('\n'),
    );
  }

  it('detects a brute force in a followed log file and delivers it to a webhook', async () => {
    writeFileSync(join(dir, 'auth.log'), '');
    writeConfig();
    const live = await start();
    const now = new Date();
    let lines = '';
    for (let i = 0; i < 12; i++)
      lines += sshdFailure(new Date(now.getTime() - 20_000 + i * 1000), '203.0.113.9', `user${i}`, 100 + i);
    appendFileSync(join(dir, 'auth.log'), lines);
    const request = await receiver.nextRequest();
    const body = JSON.parse(request.body) as {
      type: string;
      data: { incident: { rule: { id: string }; group: Record<string, string> } };
    };
    expect(body.data.incident.group).toMatchObject({ 'source.ip': '203.0.113.9' });
    const incidents = await live.store.incidents.list();
    expect(incidents.map((incident) => incident.ruleId)).toContain('ssh-brute-force-source');
    const health = await waitFor('the outbox to record the delivery', async () =>
      (await live.store.outbox.health()).find((channel) => channel.lastSentAt !== undefined),
    );
    expect(health.channel).toBe('soc-hook');
  });

  it("reads a followed log's times in the zone its source names", async () => {
    writeFileSync(join(dir, 'auth.log'), '');
    writeConfig('', ', timezone: "+05:00"');
    const live = await start();
    // Whole seconds: syslog writes no fraction.
    const first = new Date(Math.floor(Date.now() / 1000) * 1000 - 20_000);
    let lines = '';
    for (let i = 0; i < 12; i++)
      lines += sshdFailure(
        new Date(first.getTime() + i * 1000),
        '203.0.113.9',
        `user${i}`,
        100 + i,
        5 * 3_600_000,
      );
    appendFileSync(join(dir, 'auth.log'), lines);
    await receiver.nextRequest();
    const incidents = await live.store.incidents.list();
    const brute = incidents.find((incident) => incident.ruleId === 'ssh-brute-force-source');
    // Read as UTC, the lines would lie five hours ahead: beyond the future allowed, at the time they arrived.
    expect(brute?.firstSeen).toBe(first.getTime());
  });

  it('accepts application events on the ingest API and detects a login brute force from them', async () => {
    writeConfig();
    const live = await start();
    const token = createTokenValue();
    await live.store.apiTokens.add(
      { name: 'shop', hash: hashToken(token), scopes: ['ingest'], service: 'shop-web', createdBy: 'test' },
      Date.now(),
    );
    const { port } = live.address();
    const events = Array.from({ length: 12 }, (_, i) => ({
      '@timestamp': new Date(Date.now() - 20_000 + i * 100).toISOString(),
      event: { category: ['authentication'], action: 'login', outcome: 'failure' },
      user: { name: 'alice' },
      source: { ip: `198.51.100.${i}` },
    }));
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    expect(response.status).toBe(202);
    const incident = await waitFor('the application incident', async () =>
      (await live.store.incidents.list()).find((found) => found.ruleId === 'app-login-failures-user'),
    );
    expect(incident.group).toEqual({ 'service.name': 'shop-web', 'user.name': 'alice' });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('klaxon_ingest_events_accepted_total 12');
    expect(metrics).toMatch(/klaxon_source_events_total\{source="apps"\} 12/);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  });

  it('resumes from its checkpoint after a restart: no line is read twice, none is skipped', async () => {
    writeFileSync(join(dir, 'auth.log'), '');
    writeConfig();
    let live = await start();
    const base = Date.now() - 60_000;
    appendFileSync(
      join(dir, 'auth.log'),
      [0, 1, 2, 3, 4].map((n) => sshdFailure(new Date(base + n * 1000), '192.0.2.1', `u${n}`, n)).join(''),
    );
    await waitFor('five lines read', () => (live.sources[0]?.counts.events === 5 ? true : undefined));
    await live.stop();
    daemon = undefined;
    appendFileSync(
      join(dir, 'auth.log'),
      [5, 6, 7, 8, 9, 10]
        .map((n) => sshdFailure(new Date(base + n * 1000), '192.0.2.1', `u${n}`, n))
        .join(''),
    );
    live = await start();
    await waitFor('six more lines read', () => (live.sources[0]?.counts.events === 6 ? true : undefined));
    // Eleven failures from one address across the restart (threshold 10): the windows were kept.
    const incident = await waitFor('the incident across the restart', async () =>
      (await live.store.incidents.list()).find((found) => found.ruleId === 'ssh-brute-force-source'),
    );
    expect(incident.count).toBe(11);
  });

  it('opens an incident about a source that keeps failing', async () => {
    writeConfig();
    const config = await loadKlaxonConfig(join(dir, 'klaxon.yaml'));
    const port = await startHttpPeer({ status: 200 });
    await port.close();
    writeFileSync(
      join(dir, 'klaxon.yaml'),
      [
        `store: sqlite:${join(dir, 'klaxon.db')}`,
        'sources:',
        `  - { type: elasticsearch, name: winlogbeat, url: "${port.url}", index: "winlogbeat-*", interval: 1s }`,
      ].join('\n'),
    );
    void config;
    const failing = await loadKlaxonConfig(join(dir, 'klaxon.yaml'));
    daemon = await startLive({
      config: failing,
      listen: { host: '127.0.0.1', port: 0 },
      tickMs: 50,
      watchPolicy: { failingAfterMs: 200, lagAfterMs: 600_000 },
    });
    const live = daemon;
    const incident = await waitFor('the source-failing incident', async () =>
      (await live.store.incidents.list()).find((found) => found.ruleId === 'klaxon-source-failing'),
    );
    expect(incident.group).toEqual({ 'observer.name': 'winlogbeat' });
    expect(JSON.stringify(incident.samples)).toMatch(/ECONNREFUSED|refused|unreachable/i);
  });
});

describe('the live server', () => {
  it('serves the REST API and turns a brute force against the dashboard into an incident', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-live-'));
    writeFileSync(join(dir, 'klaxon.yaml'), `store: sqlite:${join(dir, 'klaxon.db')}\n`);
    const config = await loadKlaxonConfig(join(dir, 'klaxon.yaml'));
    const live = await startLive({
      config,
      listen: { host: '127.0.0.1', port: 0 },
      tickMs: 50,
      toleranceMs: 0,
    });
    try {
      const base = `http://127.0.0.1:${live.address().port}`;
      expect((await fetch(`${base}/api/v1/session`)).status).toBe(401);
      expect((await fetch(`${base}/api/docs/json`)).status).toBe(200);
      for (let i = 0; i < 25; i++) {
        const response = await fetch(`${base}/api/v1/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: `admin${i}`, password: 'wrong password' }),
        });
        expect([401, 429]).toContain(response.status);
      }
      const incident = await waitFor('the dashboard brute-force incident', async () =>
        (await live.store.incidents.list()).find((found) => found.ruleId === 'app-login-failures-source'),
      );
      expect(incident.group).toMatchObject({ 'service.name': 'klaxon-dashboard', 'source.ip': '127.0.0.1' });
    } finally {
      await live.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
