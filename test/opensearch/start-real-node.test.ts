import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@opensearch-project/opensearch';
import { chromium } from 'playwright-core';
import type { Incident } from '../../src/core/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKlaxonConfig } from '../../src/app/load-config.ts';
import type { LiveDaemon } from '../../src/app/live/start-live.ts';
import { startLive } from '../../src/app/live/start-live.ts';
import { startSmtpPeer } from '../../src/channels/email/testdata/smtp-peer.ts';
import type { SmtpPeer } from '../../src/channels/email/testdata/smtp-peer.ts';
import { hashPassword } from '../../src/server/auth/index.ts';
import { ensureWebBuilt } from '../e2e/build-web.ts';
import { bulkIndex, createIndex, openTestClient, sshdDocuments } from '../support/es-indices.ts';
import { DATASETS } from '../support/datasets.ts';
import { incidentKeys, replayFiles } from './replay-equivalence.ts';
import type { HttpPeer } from '../support/http-peer.ts';
import { startHttpPeer } from '../support/http-peer.ts';
import { javaMissing, sharedOpenSearchNode } from '../support/opensearch-node.ts';

const CHROMIUM = '/usr/bin/chromium';
const ATTACKER = '203.0.113.77';
const ADMIN = { name: 'alice', password: 'correct horse battery staple' };
const INDEX = 'winlogbeat-live-e2e';

/** Twelve Winlogbeat 4625 documents (failed network logons) from one address, a second apart. */
function bruteForce(start: number): Record<string, unknown>[] {
  return Array.from({ length: 12 }, (_, i) => ({
    '@timestamp': new Date(start + i * 1_000).toISOString(),
    event: { code: '4625', provider: 'Microsoft-Windows-Security-Auditing', outcome: 'failure' },
    winlog: {
      channel: 'Security',
      event_id: '4625',
      event_data: { TargetUserName: `admin${i}`, IpAddress: ATTACKER, LogonType: '3', Status: '0xc000006d' },
    },
    source: { ip: ATTACKER },
    user: { name: `admin${i}` },
    host: { name: 'dc01' },
  }));
}

describe.skipIf(javaMissing)('klaxon start with an opensearch source on a real node, end to end', () => {
  let dir: string;
  let client: Client;
  let telegram: HttpPeer;
  let smtp: SmtpPeer;
  let daemon: LiveDaemon;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    const [url] = await Promise.all([sharedOpenSearchNode(), ensureWebBuilt()]);
    client = openTestClient(url);
    await createIndex(client, INDEX);
    dir = mkdtempSync(join(tmpdir(), 'klaxon-os-e2e-'));
    telegram = await startHttpPeer({ status: 200, body: { ok: true, result: { message_id: 1 } } });
    smtp = await startSmtpPeer({ users: { klaxon: 'mail-pw' }, allowInsecureAuth: true });
    writeFileSync(
      join(dir, 'klaxon.yaml'),
      [
        `store: sqlite:${join(dir, 'klaxon.db')}`,
        'sources:',
        `  - { type: opensearch, name: winlogbeat, url: "${url}", index: "winlogbeat-*", query: "event.code:4625", interval: 1s, overlap: 30s, start_from: 1m }`,
        'channels:',
        `  soc-telegram: { type: telegram, base_url: "${telegram.url}", bot_token: "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", chat_id: 4242 }`,
        `  soc-mail: { type: email, from: klaxon@example.com, to: [soc@example.com], allow_plain: true, smtp_url: "smtp://klaxon:mail-pw@127.0.0.1:${smtp.port}" }`,
        'routes:',
        '  - { match: { priority: [P1, P2, P3, P4, P5] }, channels: [soc-telegram, soc-mail] }',
      ].join('\n'),
    );
    const config = await loadKlaxonConfig(join(dir, 'klaxon.yaml'));
    daemon = await startLive({
      config,
      listen: { host: '127.0.0.1', port: 0 },
      tickMs: 50,
      checkpointEveryMs: 200,
    });
    await daemon.store.users.add(
      { name: ADMIN.name, passwordHash: await hashPassword(ADMIN.password), role: 'admin' },
      Date.now(),
    );
  }, 420_000);
  afterAll(async () => {
    await daemon?.stop();
    await telegram?.close();
    await smtp?.close();
    await client?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('turns 4625 documents indexed while it runs into a Telegram message, an e-mail and a dashboard incident', async () => {
    const indexedAt = Date.now();
    await bulkIndex(client, INDEX, bruteForce(indexedAt - 20_000));
    // Only the brute force counts here: on a loaded machine the daemon may also report itself lagging.
    let request = await telegram.nextRequest();
    while (!request.body.includes(ATTACKER)) request = await telegram.nextRequest();
    const seconds = (Date.now() - indexedAt) / 1000;
    console.info(`indexing to the Telegram request: ${seconds.toFixed(1)} s`);
    expect(request.path).toBe('/bot123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/sendMessage');
    expect(request.body).toContain(ATTACKER);
    const incidents = await daemon.store.incidents.list();
    expect(incidents.map((incident) => incident.ruleId)).toContain('windows-logon-failure-source');
    await expect.poll(() => smtp.mails.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(smtp.mails[0]?.raw).toContain(ATTACKER);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`http://127.0.0.1:${daemon.address().port}`);
      await page.getByLabel('User name').fill(ADMIN.name);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Incidents' }).click();
      const row = page.getByRole('row', { name: /Windows logon failures from one address/ });
      await expect(row.textContent()).resolves.toContain(ATTACKER);
    } finally {
      await browser.close();
    }
  }, 120_000);
});

describe.skipIf(javaMissing)('klaxon start on the sshd log held as Filebeat documents in a real node', () => {
  it('opens, rule by rule, the incidents klaxon replay opens from the same log', async () => {
    const url = await sharedOpenSearchNode();
    const client = openTestClient(url);
    const documents = sshdDocuments();
    await createIndex(client, 'filebeat-sshd-live');
    await bulkIndex(client, 'filebeat-sshd-live', documents);
    await client.close();
    const folder = mkdtempSync(join(tmpdir(), 'klaxon-os-sshd-'));
    writeFileSync(
      join(folder, 'klaxon.yaml'),
      [
        `store: sqlite:${join(folder, 'klaxon.db')}`,
        'sources:',
        `  - { type: opensearch, name: filebeat, url: "${url}", index: "filebeat-sshd-live", interval: 1s, start_from: 4000d, page_size: 2000 }`,
      ].join('\n'),
    );
    const live = await startLive({
      config: await loadKlaxonConfig(join(folder, 'klaxon.yaml')),
      listen: { host: '127.0.0.1', port: 0 },
      tickMs: 50,
    });
    try {
      const fromLog = await replayFiles([`${DATASETS}sshd/auth.log`], { year: 2017 });
      await expect.poll(() => live.sources[0]?.counts.events, { timeout: 60_000 }).toBe(documents.length);
      await expect
        .poll(async () => detections(await live.store.incidents.list({ limit: 1000 })), { timeout: 30_000 })
        .toEqual(fromLog);
    } finally {
      await live.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);
});

/**
 * The incidents of detection rules. Klaxon's reports about itself (`klaxon-source-lagging` while it
 * reads 2017 from the start, `klaxon-source-silent` over the log's quiet days) exist only live.
 */
function detections(incidents: readonly Incident[]): string[] {
  return incidentKeys(incidents.filter((incident) => !incident.ruleId.startsWith('klaxon-')));
}
