import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const folder = mkdtempSync(join(tmpdir(), 'klaxon-timezone-'));
const write = (name: string, text: string): string => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};
// Twelve failures from 10:00:00 to 10:00:11 on a server whose clock is Berlin's; syslog writes no zone.
const authLog = write(
  'auth.log',
  Array.from(
    { length: 12 },
    (_, i) =>
      `Mar  4 10:00:${String(i).padStart(2, '0')} web-01 sshd[${4000 + i}]: Failed password for root from 203.0.113.7 port ${50000 + i} ssh2\n`,
  ).join(''),
);

/** The first and last times of the replay's one brute-force incident. */
async function incidentTimes(...options: string[]): Promise<[string, string]> {
  const run = await runCli('replay', authLog, '--year', '2024', '--json', ...options);
  expect(run.code).toBe(0);
  const incidents = run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { rule: string; first_seen: string; last_seen: string });
  const brute = incidents.find((incident) => incident.rule === 'ssh-brute-force-source');
  return [brute?.first_seen as string, brute?.last_seen as string];
}

describe('--timezone', () => {
  it("places a log's times written without a zone in the zone given (UTC without it)", async () => {
    expect(await incidentTimes()).toEqual(['2024-03-04T10:00:00.000Z', '2024-03-04T10:00:11.000Z']);
    expect(await incidentTimes('--timezone', 'Europe/Berlin')).toEqual([
      '2024-03-04T09:00:00.000Z',
      '2024-03-04T09:00:11.000Z',
    ]);
  });

  it('refuses a zone it does not know, saying what it takes, with no stack trace', async () => {
    const run = await runCli('replay', authLog, '--timezone', 'Mars/Olympus');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown time zone "Mars/Olympus": give an IANA name such as Europe/Berlin');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it("names the file, line and field of a source's unknown zone in klaxon.yaml", async () => {
    const config = write(
      'klaxon.yaml',
      `store: sqlite:${join(folder, 'k.db')}\nsources:\n  - type: file\n    path: ${authLog}\n    timezone: Europe/Berln\n`,
    );
    const run = await runCli('config', 'check', '--config', config);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${config}:5:15: sources[0].timezone: unknown time zone "Europe/Berln"`);
  });
});
