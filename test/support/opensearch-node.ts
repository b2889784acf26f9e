import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const SCRIPT = join(import.meta.dirname, '../../scripts/opensearch.sh');
const START_TIMEOUT_MS = 360_000;

/** True when no Java runtime is on the machine: the real-node tests are then skipped (never in CI). */
export const javaMissing = spawnSync('java', ['-version']).error !== undefined;
if (javaMissing) {
  const why =
    'no java on PATH: the tests against a real OpenSearch node are skipped (bash .ci/run installs it)';
  if (process.env.CI) throw new Error(why);
  console.warn(why);
}

/**
 * The URL of the run's one OpenSearch node (scripts/opensearch.sh), started by the first test file
 * that asks (a lock folder decides which) and stopped by opensearch-global-setup.ts.
 */
export async function sharedOpenSearchNode(): Promise<string> {
  const dir = inject('opensearchDir');
  const lock = `${dir}.lock`;
  let mine = false;
  try {
    mkdirSync(lock);
    mine = true;
  } catch {
    // another test file is starting it
  }
  if (mine) {
    try {
      const run = promisify(execFile);
      const env = { ...process.env, NODE_START_TIMEOUT: String(START_TIMEOUT_MS / 1000 - 60) };
      const { stdout } = await run('bash', [SCRIPT, 'start', dir], { timeout: START_TIMEOUT_MS, env });
      const url = stdout.trim().split('\n').at(-1) ?? '';
      writeFileSync(join(lock, 'url'), url);
      return url;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      writeFileSync(join(lock, 'error'), text);
      throw new Error(`scripts/opensearch.sh start failed: ${text}`);
    }
  }
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (existsSync(join(lock, 'url'))) return readFileSync(join(lock, 'url'), 'utf8');
    if (existsSync(join(lock, 'error'))) throw new Error(readFileSync(join(lock, 'error'), 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the shared OpenSearch node did not start in time');
}
