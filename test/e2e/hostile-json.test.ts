import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JSON_LIMITS } from '../../src/core/index.ts';
import { jsonLines, runCli } from './run-cli.ts';

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'klaxon-hostile-')), name);
  writeFileSync(path, content);
  return path;
}

const login = (second: number) =>
  JSON.stringify({
    '@timestamp': new Date(Date.UTC(2024, 4, 1, 10, 0, second)).toISOString(),
    event: { action: 'login', outcome: 'failure', category: ['authentication'] },
    user: { name: 'alice' },
    source: { ip: '203.0.113.9' },
  });
const deep =
  '{"@timestamp":"2024-05-01T10:00:00Z","x":' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_001);
const long = JSON.stringify({ '@timestamp': '2024-05-01T10:00:00Z', pad: 'x'.repeat(JSON_LIMITS.maxLength) });
const input = () => tempFile('app.ndjson', [login(1), deep, login(2), long, login(3)].join('\n'));

describe('hostile JSON lines', () => {
  it('klaxon parse skips a 100,000-deep line and a line over the size limit, counted by reason', async () => {
    const run = await runCli('parse', input(), '--format', 'ndjson');
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)).toHaveLength(3);
    expect(run.stderr).toMatch(/5 lines, 3 events; skipped: (too-deep 1, too-long 1|too-long 1, too-deep 1)/);
  });

  it('klaxon replay skips them the same way and goes on', async () => {
    const run = await runCli('replay', input(), '--format', 'ndjson', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/too-deep 1/);
    expect(run.stderr).toMatch(/too-long 1/);
  });
});

describe('hostile dotted keys', () => {
  it('klaxon parse prints an event whose key has 100,000 dots, kept as written', async () => {
    const key = Array.from({ length: 100_000 }, () => 'a').join('.');
    const line = JSON.stringify({ '@timestamp': '2024-05-01T10:00:00Z', [key]: 1 });
    const run = await runCli('parse', tempFile('dots.ndjson', line), '--format', 'ndjson');
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout)[0]?.[key]).toBe(1);
  });
});
