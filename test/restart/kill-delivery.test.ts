import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { webhookChannel } from '../../src/channels/webhook/index.ts';
import type { HttpPeer, RecordedRequest } from '../support/http-peer.ts';
import { startHttpPeer } from '../support/http-peer.ts';
import { DATASETS, jsonLines } from '../e2e/run-cli.ts';

const bin = new URL('../../bin/klaxon.js', import.meta.url).pathname;

/** Runs the CLI in a child process without blocking this one: the receiver answers from here. */
function runKlaxon(...args: string[]): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('exit', (status) => resolve({ status, stdout }));
  });
}
const SECRET = `whsec_${Buffer.alloc(32, 5).toString('base64')}`;

describe('a delivery killed with SIGKILL while notifications are in flight', () => {
  let peer: HttpPeer;
  afterAll(async () => {
    await peer?.close();
  });

  it('is finished by the next run: every notification arrives, only those in flight twice, with the same id', async () => {
    peer = await startHttpPeer({ status: 200 });
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-kill-delivery-'));
    const config = join(dir, 'klaxon.yaml');
    writeFileSync(
      config,
      [
        'store: sqlite:./klaxon.db',
        'channels:',
        `  soar: { type: webhook, url: ${peer.url}/hook, signing_secrets: ${SECRET} }`,
        'routes:',
        '  - match: { priority: [P1, P2, P3] }',
        '    channels: [soar]',
      ].join('\n'),
    );
    const replay = spawnSync(
      process.execPath,
      [bin, 'replay', `${DATASETS}sshd/auth.log`, '--year', '2017', '--config', config, '--notify'],
      {
        encoding: 'utf8',
      },
    );
    expect(replay.status).toBe(0);
    const queued = Number(/outbox: (\d+) notifications queued/.exec(replay.stdout)?.[1]);
    expect(queued).toBeGreaterThan(10);

    // The receiver answers five, then holds the sixth request open: the process is killed mid-send.
    peer.respond((request) => (peer.requests.indexOf(request) < 5 ? { status: 200 } : new Promise(() => {})));
    // A 1 ms lease lets the next run take over at once what the killed one had claimed.
    const first = spawn(process.execPath, [bin, 'deliver', '--config', config, '--lease', '1ms'], {
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      first.on('exit', (_code, signal) => resolve(signal)),
    );
    while (peer.requests.length < 6) await peer.nextRequest();
    first.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const idOf = (request: RecordedRequest) => String(request.headers['webhook-id']);
    const inFlight = idOf(peer.requests[5]!);

    peer.respond({ status: 200 });
    const second = await runKlaxon('deliver', '--config', config);
    expect(second.status).toBe(0);

    const ids = peer.requests.map((request) => String(request.headers['webhook-id']));
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(counts.size).toBe(queued);
    // A webhook has up to maxInFlight messages on their way at once: those not yet recorded as
    // sent at the kill (the one held open among them) arrive twice, never more, none is lost.
    const twice = [...counts].filter(([, n]) => n > 1);
    expect(twice.every(([, n]) => n === 2)).toBe(true);
    expect(twice.map(([id]) => id)).toContain(inFlight);
    expect(twice.length).toBeLessThanOrEqual(webhookChannel.maxInFlight ?? 1);
    const listed = spawnSync(
      process.execPath,
      [bin, 'outbox', 'list', '--store', `sqlite:${join(dir, 'klaxon.db')}`, '--json'],
      {
        encoding: 'utf8',
      },
    );
    expect(jsonLines(listed.stdout).map((entry) => entry.state)).toEqual(
      Array.from({ length: queued }, () => 'sent'),
    );
  });
});
