import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, runCli } from './run-cli.ts';

// The compiled CLI keeps rule files' recipes between runs (src/cli/rule-cache.ts); from source it
// does when given a build id, as here. A replay from recipes must print what one from YAML prints.
const cacheDir = mkdtempSync(join(tmpdir(), 'klaxon-cli-cache-'));
const saved = { build: process.env.KLAXON_BUILD_ID, dir: process.env.KLAXON_CACHE_DIR };

beforeAll(() => {
  process.env.KLAXON_BUILD_ID = 'e2e-build';
});

afterAll(() => {
  restore('KLAXON_BUILD_ID', saved.build);
  restore('KLAXON_CACHE_DIR', saved.dir);
  rmSync(cacheDir, { recursive: true, force: true });
});

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

async function replayWith(dir: string, ...args: string[]): Promise<string> {
  process.env.KLAXON_CACHE_DIR = dir;
  const run = await runCli('replay', ...args, '--json');
  expect(run.code).toBe(0);
  return `${run.stdout}\n--\n${run.stderr}`;
}

const jsonl = `${DATASETS}windows/evtx-to-mitre-attack/jsonl/`;
const INPUTS = [
  ['sshd auth.log', `${DATASETS}sshd/auth.log`, '--year', '2017'],
  ['Windows recordings', ...readdirSync(jsonl).map((name) => jsonl + name)],
];

describe('replay from cached rule recipes', () => {
  it.each(INPUTS)('prints the same incidents as from the YAML: %s', async (_, ...args) => {
    const plain = await replayWith('', ...args);
    const writing = await replayWith(cacheDir, ...args);
    const reading = await replayWith(cacheDir, ...args);
    expect(plain).toContain('"rule":');
    expect(writing).toBe(plain);
    expect(reading).toBe(plain);
    expect(readdirSync(join(cacheDir, 'rules-e2e-build')).length).toBeGreaterThanOrEqual(8);
  });
});
