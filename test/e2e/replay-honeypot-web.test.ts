import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-honeypot-web-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (seconds: number) => new Date(Date.UTC(2024, 2, 4, 13, 0, 0) + seconds * 1000);

describe('klaxon replay detects the format of honeypot and web logs', () => {
  it('reads a Cowrie log, reports the guessing address, and never shows a tried password', async () => {
    const file = join(dir, 'cowrie.json');
    const records = Array.from({ length: 12 }, (_, i) =>
      JSON.stringify({
        eventid: 'cowrie.login.failed',
        src_ip: '203.0.113.5',
        username: i % 2 ? 'root' : 'admin',
        password: `Secret-${i}`,
        message: `login attempt [${i % 2 ? 'root' : 'admin'}/Secret-${i}] failed`,
        session: `s${i}`,
        sensor: 'hp-1',
        timestamp: at(i * 5).toISOString(),
      }),
    );
    writeFileSync(file, records.join('\n') + '\n');
    const run = await runCli('replay', file, '--json');
    expect(run.stderr).toContain('Read 12 lines from 1 file (cowrie): 12 events');
    const incidents = jsonLines(run.stdout);
    expect(incidents.map((incident) => [incident.rule, incident.group])).toEqual([
      ['cowrie-brute-force-source', { 'source.ip': '203.0.113.5' }],
    ]);
    expect(run.stdout + run.stderr).not.toMatch(/Secret-/);
  });

  it('reads an nginx access log and reports a wp-login.php brute force, naming the address', async () => {
    const file = join(dir, 'access.log');
    const clf = (time: Date) => `04/Mar/2024:${time.toISOString().slice(11, 19)} +0000`;
    const lines = Array.from(
      { length: 200 },
      (_, i) =>
        `203.0.113.200 - - [${clf(at(i * 1.5))}] "POST /wp-login.php HTTP/1.1" 200 4512 "-" "python-requests/2.31"`,
    );
    writeFileSync(file, lines.join('\n') + '\n');
    const run = await runCli('replay', file, '--json');
    expect(run.stderr).toContain('Read 200 lines from 1 file (access-log): 200 events');
    // The refused WordPress logins, and the flood of login POSTs they mute where incidents notify.
    expect(jsonLines(run.stdout).map((incident) => [incident.rule, incident.group])).toEqual([
      ['wordpress-login-failures-source', { 'source.ip': '203.0.113.200' }],
      ['web-login-flood-source', { 'source.ip': '203.0.113.200' }],
    ]);
  });
});
