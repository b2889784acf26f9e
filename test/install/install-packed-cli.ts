import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = join(import.meta.dirname, '..', '..');
const QUIET = ['--no-audit', '--no-fund', '--loglevel=error'];

export interface InstalledCli {
  /** The folder given to `npm install -g --prefix`. */
  prefix: string;
  /** `<prefix>/bin/klaxon`, the link npm made. */
  bin: string;
  /** `<prefix>/lib/node_modules/klaxon`. */
  packageDir: string;
  tarball: string;
}

/**
 * `npm pack` of this checkout, then `npm install -g --prefix <temp> <tarball>` as a user would.
 * The pack skips `prepare` (--ignore-scripts): the test run has just built dist/cli (see
 * test/support/build-cli-global-setup.ts), and rebuilding the dashboard and the SDK would add half a
 * minute. The install skips install scripts too: better-sqlite3's compiles SQLite (about a minute of
 * CPU, npm's cache holds no prebuilt binary), so the binary this checkout built is copied in: the
 * same version of the same package for the same Node is what the compile would produce. Only when
 * npm picked another version of better-sqlite3 is it compiled (then this is slower still).
 */
export async function installPackedCli(): Promise<InstalledCli> {
  const work = mkdtempSync(join(tmpdir(), 'klaxon-install-'));
  await run('npm', ['pack', '--ignore-scripts', '--pack-destination', work, ...QUIET], { cwd: ROOT });
  const tarball = join(work, readdirSync(work).find((name) => name.endsWith('.tgz')) ?? 'none.tgz');
  const prefix = join(work, 'prefix');
  await npmInstallGlobal(prefix, tarball);
  const packageDir = join(prefix, 'lib', 'node_modules', 'klaxon');
  await provideNativeSqlite(packageDir);
  return { prefix, bin: join(prefix, 'bin', 'klaxon'), packageDir, tarball };
}

/** From npm's cache alone when it holds every package; otherwise what is missing is fetched. */
async function npmInstallGlobal(prefix: string, tarball: string): Promise<void> {
  const args = ['install', '-g', '--prefix', prefix, '--ignore-scripts', ...QUIET, tarball];
  try {
    await run('npm', [...args, '--offline'], { cwd: tmpdir() });
  } catch (error) {
    if (!String((error as { stderr?: unknown }).stderr).includes('ENOTCACHED')) throw error;
    await run('npm', [...args, '--prefer-offline'], { cwd: tmpdir() });
  }
}

/** The native binary this checkout built, or, when npm chose another version, a build of its own. */
async function provideNativeSqlite(packageDir: string): Promise<void> {
  const from = join(ROOT, 'node_modules', 'better-sqlite3');
  const to = join(packageDir, 'node_modules', 'better-sqlite3');
  const binary = join('build', 'Release', 'better_sqlite3.node');
  if (version(from) !== version(to) || !existsSync(join(from, binary))) {
    await run('npm', ['rebuild', 'better-sqlite3', ...QUIET], { cwd: packageDir });
    return;
  }
  mkdirSync(join(to, 'build', 'Release'), { recursive: true });
  copyFileSync(join(from, binary), join(to, binary));
}

function version(packageDir: string): string {
  return (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
}
