import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loginEvent as login } from '../support/login-event.ts';
import { jsonLines, runCli } from './run-cli.ts';

const T0 = Date.UTC(2026, 10, 21, 7, 0, 0);
const YEAR = 365 * 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'klaxon-future-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Five failures for alice one second apart, then her success half a second after the last one;
 * the success overtakes the last failure on the way (two reporters), so only time order shows
 * five failures before it.
 */
const failures = Array.from({ length: 5 }, (_, i) => login(T0 + i * 1000, 'alice', 'failure'));
const success = login(T0 + 4_500, 'alice', 'success');
const burst = [...failures.slice(0, 4), success, failures[4] as object];

async function replay(name: string, events: object[][]) {
  const files = events.map((lines, i) => {
    const path = join(dir, `${name}-${i}.ndjson`);
    writeFileSync(path, lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    return path;
  });
  const run = await runCli('replay', ...files, '--json');
  expect(run.code).toBe(0);
  const incidents = jsonLines(run.stdout);
  return { run, incidents, rules: incidents.map((incident) => incident.rule) };
}

describe('klaxon replay with an event dated a year ahead', () => {
  it('still puts a slightly out-of-order burst in order and opens the compromised-account P1', async () => {
    const { run, incidents } = await replay('ahead', [[login(T0 + YEAR, 'mallory', 'failure'), ...burst]]);
    expect(incidents.find((incident) => incident.rule === 'auth-success-after-failures')).toMatchObject({
      group: { 'user.name': 'alice' },
      priority: 'P1',
    });
    expect(run.stderr).toContain('future: 1 event dated far beyond the rest of their input');
    expect(run.stderr).not.toMatch(/later than the out-of-order tolerance/);
  });

  it('finds the same P1 without the outlier (the burst alone is a compromise)', async () => {
    const { run, rules } = await replay('plain', [burst]);
    expect(rules).toContain('auth-success-after-failures');
    expect(run.stderr).not.toContain('future:');
  });

  it('does not let an outlier at the head of one file stall it behind the others in the merge', async () => {
    const other = [login(T0 + YEAR, 'mallory', 'failure'), ...failures.slice(0, 3)];
    const rest = [failures[3] as object, success, failures[4] as object];
    const { run, rules } = await replay('merged', [other, rest]);
    expect(rules).toContain('auth-success-after-failures');
    expect(run.stderr).toContain('future: 1 event');
    expect(run.stderr).not.toMatch(/later than the out-of-order tolerance/);
  });
});
