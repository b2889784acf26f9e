import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATASETS, jsonLines, runCli } from './run-cli.ts';

// EVTX-to-MITRE-Attack (CC0): 54 × 4771 for admin-hacker from ::ffff:10.23.123.11, status 0x18.
const KERBEROS = `${DATASETS}windows/evtx-to-mitre-attack/jsonl/ID4771-Kerberos_brutforce_with_valid_user.jsonl`;

describe('incident evidence a person can read', () => {
  it('shows each Windows event as one line; the raw record only with --raw', async () => {
    const store = `sqlite:${join(mkdtempSync(join(tmpdir(), 'klaxon-evidence-')), 'klaxon.db')}`;
    expect((await runCli('replay', KERBEROS, '--store', store, '--json')).code).toBe(0);

    const shown = await runCli('incidents', 'show', '1', '--store', store);
    expect(shown.code).toBe(0);
    const evidence = shown.stdout.split('\n').filter((line) => /^ {4}2021-\d\d-\d\dT/.test(line));
    expect(evidence.length).toBeGreaterThan(0);
    for (const line of evidence) {
      expect(line).toMatch(
        /^ {4}\S+Z 4771 Kerberos pre-authentication failed: admin-hacker from 10\.23\.123\.11, wrong password/,
      );
    }
    expect(shown.stdout).not.toContain('<Event');

    const raw = await runCli('incidents', 'show', '1', '--store', store, '--raw');
    expect(raw.stdout).toContain('raw records:');
    expect(raw.stdout).toContain('>4771</EventID>');

    const json = jsonLines(
      (await runCli('incidents', 'show', '1', '--store', store, '--json', '--raw')).stdout,
    )[0];
    expect((json?.evidence as string[])[0]).toMatch(/4771 Kerberos pre-authentication failed: admin-hacker/);
    expect((json?.evidence_raw as string[])[0]).toContain('>4771</EventID>');
  });
});
