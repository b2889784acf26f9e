import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
let packed: Promise<string> | undefined;

/** `npm pack -w packages/sdk` (which builds it), once per test file. */
function packSdk(): Promise<string> {
  packed ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klaxon-sdk-pack-'));
    // The pack rebuilds packages/sdk/dist: test files running in parallel take turns.
    await withLock(join(ROOT, 'packages', 'sdk', '.pack-lock'), () =>
      run('npm', ['pack', '--pack-destination', dir, '-w', 'packages/sdk'], { cwd: ROOT }),
    );
    const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
    if (tarball === undefined) throw new Error('npm pack made no tarball');
    return join(dir, tarball);
  })();
  return packed;
}

/** Runs `work` holding a lock directory (mkdir is atomic); a lock older than two minutes is stale. */
async function withLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Installs the packed SDK into `appDir`'s node_modules as npm would a tarball with no dependencies:
 * the package extracted into node_modules/@klaxon/sdk, offline.
 */
export async function installPackedSdk(appDir: string): Promise<void> {
  const tarball = await packSdk();
  const target = join(appDir, 'node_modules', '@klaxon', 'sdk');
  mkdirSync(target, { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
}

/** The repository's node_modules, for the frameworks a test app uses besides the SDK. */
export const REPO_MODULES = join(ROOT, 'node_modules');
