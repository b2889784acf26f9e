import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS, jsonLines, runCli } from './run-cli.ts';

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'klaxon-cli-')), name);
  writeFileSync(path, content);
  return path;
}

const failure = (second: number, ip = '203.0.113.9') =>
  JSON.stringify({
    '@timestamp': new Date(Date.UTC(2024, 4, 1, 10, 0, second)).toISOString(),
    event: { action: 'login', outcome: 'failure', category: ['authentication'] },
    user: { name: `user${second}` },
    source: { ip },
    service: { name: 'shop' },
  });

describe('klaxon replay', () => {
  it('counts garbled lines by reason, skips them and still detects', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => failure(i));
    lines.splice(3, 0, '{"@timestamp": "2024-05-01T10:00:03Z", "event": {', 'not json at all', '[1,2]');
    lines.splice(10, 0, JSON.stringify({ event: { action: 'login' } }));
    const run = await runCli('replay', tempFile('app.ndjson', lines.join('\n')), '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /skipped: invalid-json 2, (not-an-object 1, missing-timestamp 1|missing-timestamp 1, not-an-object 1)/,
    );
    expect(jsonLines(run.stdout).map((incident) => incident.rule)).toEqual([
      'password-spray-source',
      'app-login-failures-source',
    ]);
  });

  it('uses the rules named with --rules instead of the shipped pack', async () => {
    const rules = tempFile(
      'one.yml',
      [
        'id: any-login-failure',
        'title: Any failure',
        'type: match',
        'where: { event.outcome: failure }',
        'severity: low',
      ].join('\n'),
    );
    const run = await runCli(
      'replay',
      '--rules',
      rules,
      tempFile('app.ndjson', [failure(1), failure(2)].join('\n')),
      '--json',
    );
    expect(
      jsonLines(run.stdout).map((incident) => [incident.rule, incident.count, incident.priority]),
    ).toEqual([['any-login-failure', 2, 'P4']]);
  });

  it('fails with file, line and field when a rule has a mistake', async () => {
    const rules = tempFile(
      'bad.yml',
      'id: x\ntitle: t\ntype: threshold\nwhere: { a: 1 }\nthreshold: 0\nwindow: 5m\nseverity: high\n',
    );
    const run = await runCli('replay', '--rules', rules, `${DATASETS}sshd/auth.log`);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${rules}:5:12: threshold: must be at least 1`);
  });

  it('names an unreadable input file', async () => {
    const run = await runCli('replay', '/nonexistent/auth.log');
    expect(run).toMatchObject({
      code: 1,
      stderr: 'klaxon: /nonexistent/auth.log: cannot read the file (no such file)',
    });
  });

  it('says so when no parser fits a file', async () => {
    const run = await runCli('replay', tempFile('notes.txt', 'hello\nworld\n'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/notes\.txt: cannot detect the format.*--format/);
  });

  it('prints a readable table by default', async () => {
    const run = await runCli(
      'replay',
      `${DATASETS}windows/evtx-to-mitre-attack/jsonl/ID4771-Kerberos_brutforce_with_valid_user.jsonl`,
    );
    expect(run.stdout).toMatch(/#\s+PRI\s+RULE\s+GROUP\s+COUNT/);
    expect(run.stdout).toMatch(/1\s+P2\s+windows-kerberos-preauth-failures\s+user\.name=admin-hacker\s+54/);
    // All 54 failures come from ::ffff:10.23.123.11: the per-address Kerberos rule opens too.
    expect(run.stdout).toMatch(/windows-kerberos-failures-source\s+source\.ip=10\.23\.123\.11\s+54/);
    expect(run.stdout).toContain('Incidents: 2 (2 still open at the end of the input)');
  });
});

describe('klaxon parse', () => {
  it('prints one normalized event per line and the counts on stderr', async () => {
    const log = tempFile(
      'auth.log',
      [
        'Mar 27 13:06:56 web sshd[10]: Failed password for root from 203.0.113.9 port 50122 ssh2',
        'Mar 27 13:06:57 web CRON[11]: pam_unix(cron:session): session opened for user root by (uid=0)',
        'Mar 27 13:06:58 web sshd[12]: message repeated 2 times: [ Failed password for root from 203.0.113.9 port 50122 ssh2]',
      ].join('\n'),
    );
    const run = await runCli('parse', log, '--year', '2017');
    const events = jsonLines(run.stdout);
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({
      '@timestamp': '2017-03-27T13:06:56.000Z',
      event: { action: 'ssh_login', outcome: 'failure' },
      user: { name: 'root' },
      source: { ip: '203.0.113.9', port: 50122 },
    });
    expect(run.stderr).toContain('(sshd): 3 lines, 3 events; skipped: not-sshd 1');
  });
});

describe('klaxon rules', () => {
  it('checks the shipped pack', async () => {
    const run = await runCli('rules', 'check');
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+ rules OK$/) });
  });
});

describe('the klaxon binary', () => {
  const bin = new URL('../../bin/klaxon.js', import.meta.url).pathname;

  it('runs the CLI and exits non-zero on a usage error', () => {
    expect(execFileSync(process.execPath, [bin, 'rules', 'check'], { encoding: 'utf8' })).toMatch(/rules OK/);
    const bad = spawnSync(process.execPath, [bin, 'replay'], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/missing required argument 'files'/);
  });

  // The build compiles the shipped pack into dist/cli/rule-pack.json (scripts/build-cli.mjs): a
  // replay with it prints what one from the YAML prints, and loads neither the YAML parser nor zod,
  // nor re2js while no event needs a regular expression.
  it('replays with the precompiled pack as with the YAML, without loading yaml, zod or re2js', () => {
    const rules = new URL('../../rules/', import.meta.url).pathname;
    const replay = (...args: string[]) =>
      spawnSync(process.execPath, [bin, 'replay', `${DATASETS}sshd/auth.log`, '--year', '2017', ...args], {
        encoding: 'utf8',
        env: { ...process.env, NODE_DEBUG: 'esm,module', KLAXON_CACHE_DIR: '' },
      });
    const chunks = (stderr: string) => new Set(stderr.match(/dist\/cli\/[a-z0-9]+(?=-)/g));
    const packed = replay();
    const yaml = replay('--rules', rules);
    expect(packed.status).toBe(0);
    expect(packed.stdout).toMatch(/Incidents: [1-9]/);
    expect(packed.stdout).toBe(yaml.stdout);
    expect(chunks(yaml.stderr).has('dist/cli/yaml')).toBe(true);
    expect(chunks(yaml.stderr).has('dist/cli/zod')).toBe(true);
    expect(chunks(packed.stderr).has('dist/cli/yaml')).toBe(false);
    expect(chunks(packed.stderr).has('dist/cli/zod')).toBe(false);
    expect(yaml.stderr).toMatch(/REQUEST re2js/);
    expect(packed.stderr).not.toMatch(/REQUEST re2js/);
  });
});
