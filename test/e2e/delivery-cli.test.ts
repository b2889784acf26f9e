import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpPeer } from '../support/http-peer.ts';
import { startHttpPeer } from '../support/http-peer.ts';
import { DATASETS, jsonLines, runCli } from './run-cli.ts';

const SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;

describe('delivery from klaxon.yaml', () => {
  let soar: HttpPeer;
  let dir: string;
  let config: string;

  beforeAll(async () => {
    soar = await startHttpPeer({ status: 200 });
    dir = mkdtempSync(join(tmpdir(), 'klaxon-delivery-'));
    config = join(dir, 'klaxon.yaml');
    writeFileSync(join(dir, '.env'), `WEBHOOK_SECRET=${SECRET}\n`);
    writeFileSync(
      config,
      [
        'store: sqlite:./klaxon.db',
        'server: { public_url: "https://klaxon.example.com" }',
        'channels:',
        `  soar: { type: webhook, url: ${soar.url}/hook, signing_secrets: \${WEBHOOK_SECRET} }`,
        `  soar-link: { type: webhook, url: ${soar.url}/link, signing_secrets: \${WEBHOOK_SECRET}, detail: link }`,
        'routes:',
        '  - match: { priority: [P1] }',
        '    channels: [soar, soar-link]',
        '  - match: { priority: [P2, P3] }',
        '    channels: [soar]',
        '    notify: [opened]',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await soar.close();
  });

  it('checks the configuration without showing the secret', async () => {
    const run = await runCli('config', 'check', '--config', config);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('soar');
    expect(run.stdout).not.toContain(SECRET);
  });

  it('sends a signed test message on request', async () => {
    const run = await runCli('channels', 'test', 'soar', '--config', config);
    expect(run).toMatchObject({ code: 0, stdout: 'soar: test message delivered' });
    const request = soar.requests.at(-1)!;
    const verified = new Webhook(SECRET).verify(request.body, {
      'webhook-id': String(request.headers['webhook-id']),
      'webhook-timestamp': String(request.headers['webhook-timestamp']),
      'webhook-signature': String(request.headers['webhook-signature']),
    }) as { type: string };
    expect(verified.type).toContain('test');
  });

  it('explains why a test message could not be delivered', async () => {
    soar.respond({ status: 410, body: 'gone' });
    const run = await runCli('channels', 'test', 'soar', '--config', config);
    soar.respond({ status: 200 });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^soar: cannot deliver \(client\): HTTP 410/);
  });

  it('writes the history of a replay without notifying anyone unless --notify is given', async () => {
    const replay = await runCli('replay', `${DATASETS}sshd/auth.log`, '--year', '2017', '--config', config);
    expect(replay.code).toBe(0);
    expect(replay.stdout).not.toMatch(/outbox:/);
    const store = `sqlite:${join(dir, 'klaxon.db')}`;
    expect((await runCli('outbox', 'list', '--store', store, '--json')).stdout.trim()).toBe('');
    expect(
      jsonLines((await runCli('incidents', 'list', '--store', store, '--json')).stdout).length,
    ).toBeGreaterThan(10);
    rmSync(join(dir, 'klaxon.db'), { force: true });
  });

  it('routes replayed incidents into the outbox with --notify, marked as a replay, each with its channel sequence', async () => {
    soar.requests.length = 0;
    const replay = await runCli(
      'replay',
      `${DATASETS}sshd/auth.log`,
      '--year',
      '2017',
      '--config',
      config,
      '--notify',
    );
    expect(replay.code).toBe(0);
    // P1: the compromised account, opened (it is `resolve: manual`, so it stays open), to both
    // channels (2); P2/P3 openings to soar (15: 10 by address, 3 by account, 2 sprays; the empty
    // user name forms no group).
    expect(replay.stdout).toMatch(/outbox: 17 notifications queued for delivery/);
    const deliver = await runCli('deliver', '--config', config);
    expect(deliver.stdout).toBe('delivered 17, to retry later 0, dead-lettered 0');
    const full = soar.requests
      .filter((request) => request.path === '/hook')
      .map((request) => JSON.parse(request.body));
    const link = soar.requests
      .filter((request) => request.path === '/link')
      .map((request) => JSON.parse(request.body));
    // Webhooks have several messages on their way at once (Standard Webhooks promise no order):
    // every sequence number once, no gap.
    const sequences = full.map((body) => body.data.sequence as number).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(link).toHaveLength(1);
    for (const body of [...full, ...link]) {
      expect(body.data.message.title).toMatch(/^\[replay of past events\] /);
    }
    expect(JSON.stringify(link)).not.toContain('elastic_user_0');
    expect(JSON.stringify(full)).toContain('elastic_user_0');
    const sent = jsonLines(
      (await runCli('outbox', 'list', '--store', `sqlite:${join(dir, 'klaxon.db')}`, '--json')).stdout,
    );
    expect(sent.every((entry) => entry.state === 'sent')).toBe(true);
    const listed = await runCli('channels', 'list', '--config', config);
    // soar sets no detail of its own: each route decides.
    expect(listed.stdout).toMatch(/soar\s+webhook\s+route\s+pending 0, dead 0; last sent/);
  });

  it("tells the channels that heard of an incident about a person's action from the CLI", async () => {
    soar.requests.length = 0;
    const store = `sqlite:${join(dir, 'klaxon.db')}`;
    const [p1] = jsonLines(
      (await runCli('incidents', 'list', '--priority', 'P1', '--store', store, '--json')).stdout,
    );
    expect(p1).toMatchObject({ rule: 'auth-success-after-failures', status: 'open' });
    const serial = String(p1!.serial);
    // The store and the routes come from klaxon.yaml (its relative sqlite path included).
    const acked = await runCli(
      'incidents',
      'ack',
      serial,
      '--by',
      'alice',
      '--note',
      'on it',
      '--config',
      config,
    );
    expect(acked).toMatchObject({ code: 0, stdout: `#${serial} acknowledged by alice; 2 channels to tell` });
    expect((await runCli('deliver', '--config', config)).stdout).toBe(
      'delivered 2, to retry later 0, dead-lettered 0',
    );
    const [full] = soar.requests.filter((r) => r.path === '/hook').map((r) => JSON.parse(r.body));
    expect(full.type).toBe('incident.person-action');
    expect(full.data.personAction).toMatchObject({ action: 'ack', by: 'alice', text: 'on it' });
    expect(full.data.message.title).toContain('acknowledged by alice');
    const [link] = soar.requests.filter((r) => r.path === '/link').map((r) => JSON.parse(r.body));
    expect(link.data.personAction).toMatchObject({ action: 'ack', by: '' });
    expect(JSON.stringify(link)).not.toContain('alice');
  });

  it('refuses --notify without --config', async () => {
    const run = await runCli('replay', `${DATASETS}sshd/auth.log`, '--year', '2017', '--notify');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--notify needs --config');
  });
});
