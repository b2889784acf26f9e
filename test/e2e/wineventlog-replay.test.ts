import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonLines, runCli } from './run-cli.ts';

// Splunk's classic WinEventLog text written for the tests (src/parsers/windows-text/testdata): twelve
// failed network logons from one address, then a shadow-copy deletion seen by Security 4688 and by
// Sysmon, the last event of the file.
const FIXTURE = new URL('../../src/parsers/windows-text/testdata/splunk-wineventlog.txt', import.meta.url)
  .pathname;

// A Sigma rule in SigmaHQ's form, written for this test.
const SIGMA = `title: Shadow copies deleted with vssadmin
id: 2d4c6e8a-1b3f-4a5c-9e7d-0f1a2b3c4d5e
status: test
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        Image|endswith: '\\vssadmin.exe'
        CommandLine|contains|all:
            - 'delete'
            - 'shadows'
    condition: selection
level: high
`;

const dir = mkdtempSync(join(tmpdir(), 'klaxon-wineventlog-'));
const rulesDir = join(dir, 'rules');
mkdirSync(rulesDir);
writeFileSync(join(rulesDir, 'vssadmin.yml'), SIGMA);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('klaxon replay of Windows classic WinEventLog text', () => {
  it('opens the shipped brute-force rule on the failed logons', async () => {
    const run = await runCli('replay', '--json', FIXTURE);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('(wineventlog): 14 events, 1 line skipped');
    const incidents = jsonLines(run.stdout);
    expect(incidents.map((incident) => [incident.rule, incident.count])).toEqual([
      ['windows-logon-failure-source', 12],
    ]);
  });

  it('runs a Sigma process_creation rule on 4688 and on Sysmon, the last event read at the end of the file', async () => {
    const run = await runCli('replay', '--json', '--rules', rulesDir, FIXTURE);
    expect(run.code).toBe(0);
    const incidents = jsonLines(run.stdout);
    expect(incidents.map((incident) => [incident.rule, incident.count])).toEqual([
      ['2d4c6e8a-1b3f-4a5c-9e7d-0f1a2b3c4d5e', 2],
    ]);
  });
});
