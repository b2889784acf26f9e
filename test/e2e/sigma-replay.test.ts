import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS, jsonLines, runCli } from './run-cli.ts';

// A rules folder with one Klaxon rule and Sigma rules written for these tests (published format),
// replayed over the EVTX-to-MITRE-Attack samples (CC0), as .evtx and as Winlogbeat-shaped lines.
const RULES = new URL('../../src/rules/sigma/testdata/replay/', import.meta.url).pathname;
const RAW = `${DATASETS}windows/evtx-to-mitre-attack/raw/`;
const JSONL = `${DATASETS}windows/evtx-to-mitre-attack/jsonl/`;
const evtxFiles = readdirSync(RAW).map((name) => `${RAW}${name}`);
const jsonlFiles = readdirSync(JSONL).map((name) => `${JSONL}${name}`);

type Doc = { event: { code: string; provider?: string }; winlog: Record<string, unknown> };
const records: Doc[] = jsonlFiles.flatMap(
  (file) => jsonLines(readFileSync(file, 'utf8')) as unknown as Doc[],
);
const data = (doc: Doc) => (doc.winlog.event_data ?? {}) as Record<string, string>;
const userData = (doc: Doc) => (doc.winlog.user_data ?? {}) as Record<string, string>;
const code = (doc: Doc) => doc.event.code;

/** What each Sigma rule should match, worked out from the records without Klaxon's mapping. */
const EXPECTED: Record<string, number> = {
  // security-log-cleared.yml
  '3f1c2a60-7b4d-4e8a-9c51-2d0e6b7a9f11': records.filter(
    (doc) => code(doc) === '1102' && userData(doc).SubjectUserName !== undefined,
  ).length,
  // openssh-server-started.yml
  '7d2b9e44-0c6a-4f3e-8b1d-5a9c7e2f4b03': records.filter(
    (doc) =>
      code(doc) === '4688' &&
      data(doc).NewProcessName?.toLowerCase().endsWith('\\sshd.exe') &&
      / [-/\u2013\u2014\u2015]R/.test(data(doc).CommandLine ?? '') &&
      !data(doc).ParentProcessName?.toLowerCase().endsWith('\\explorer.exe'),
  ).length,
  // kerberos-preauth-failed.yml
  'c4e07a1b-2f3d-4a5e-9b6c-8d7e0f1a2b34': records.filter(
    (doc) =>
      code(doc) === '4771' &&
      data(doc).Status === '0x00000018' &&
      (data(doc).IpAddress ?? '').startsWith('::ffff:10.23.'),
  ).length,
  // mssql-login-failed.yml
  '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d': records.filter(
    (doc) =>
      code(doc) === '18456' &&
      (doc.event.provider ?? '').toUpperCase().startsWith('MSSQL') &&
      JSON.stringify(doc).toLowerCase().includes('configured for windows authentication only'),
  ).length,
};

function eventsPerRule(stdout: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const incident of jsonLines(stdout)) {
    const rule = incident.rule as string;
    counts[rule] = (counts[rule] ?? 0) + (incident.count as number);
  }
  return counts;
}

describe('Sigma rules in klaxon replay and rules check', () => {
  it('replays .evtx files with Klaxon and Sigma rules from one folder into incidents', async () => {
    const run = await runCli('replay', '--json', '--rules', RULES, ...evtxFiles);
    expect(run.code).toBe(0);
    const counts = eventsPerRule(run.stdout);
    for (const [rule, expected] of Object.entries(EXPECTED)) {
      expect(expected, rule).toBeGreaterThan(0);
      expect(counts[rule], rule).toBe(expected);
    }
    expect(counts['klaxon-windows-logon-failures']).toBeGreaterThan(0);
    expect(counts['1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9']).toBeUndefined();
    expect(run.stderr).toContain('4 of 5 Sigma rules load; 1 refused');
  });

  it('gives the same incidents on the Winlogbeat-shaped lines of the same records', async () => {
    const fromEvtx = await runCli('replay', '--json', '--rules', RULES, ...evtxFiles);
    const fromLines = await runCli('replay', '--json', '--rules', RULES, ...jsonlFiles);
    const comparable = (text: string) =>
      jsonLines(text).map(({ rule, count, first_seen, last_seen }) => ({
        rule,
        count,
        first_seen,
        last_seen,
      }));
    expect(comparable(fromLines.stdout)).toEqual(comparable(fromEvtx.stdout));
  });

  it('rules check says how many Sigma rules load and names each refused one with file:line', async () => {
    const run = await runCli('rules', 'check', '--sigma', RULES);
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines).toContain('4 of 5 Sigma rules load');
    expect(lines).toContain(
      `${join(RULES, 'admins-logon.yml')}:12: Administrator logon: detection.selection.TargetUserName|expand: modifier \`expand\`: placeholder %Administrators% has no values configured`,
    );
    expect(lines.at(-1)).toBe('5 rules OK; 1 Sigma rule refused');
  });

  it('passes when every Sigma rule loads, and names file, line and field of a malformed one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-sigma-check-'));
    try {
      cpSync(RULES, dir, { recursive: true });
      rmSync(join(dir, 'admins-logon.yml'));
      const clean = await runCli('rules', 'check', '--sigma', dir);
      expect([clean.code, clean.stdout.split('\n')[0]]).toEqual([0, '4 of 4 Sigma rules load']);
      writeFileSync(
        join(dir, 'broken.yml'),
        'title: Broken\nlogsource:\n  product: windows\n  service: security\ndetection:\n  sel:\n    EventID: [4624\n  condition: sel\n',
      );
      writeFileSync(
        join(dir, 'bad-condition.yml'),
        'title: Bad condition\nlogsource: {product: windows, service: security}\ndetection:\n  sel: {EventID: 1}\n  condition: sel and (\n',
      );
      const broken = await runCli('rules', 'check', dir);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(/broken\.yml:\d+:\d+: /);
      expect(broken.stderr).toContain(
        `${join(dir, 'bad-condition.yml')}:5: Bad condition: detection.condition: condition \`sel and (\`: the condition ends where a search identifier was expected`,
      );
      expect(broken.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs a Linux sshd keyword rule on the real auth.log', async () => {
    const authLog = `${DATASETS}sshd/auth.log`;
    const rules = new URL('../../src/rules/sigma/testdata/linux/', import.meta.url).pathname;
    const parsed = await runCli('parse', '--year', '2017', authLog);
    const expected = jsonLines(parsed.stdout).filter((event) =>
      JSON.stringify(event).toLowerCase().includes('failed password for invalid user'),
    ).length;
    const run = await runCli('replay', '--json', '--year', '2017', '--rules', rules, authLog);
    expect(expected).toBeGreaterThan(0);
    expect(eventsPerRule(run.stdout)).toEqual({ '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9': expected });
  });
});
