import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DASHBOARD_BUILD_DIR } from '../../src/server/index.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** What the bundle is made of: the dashboard and the Klaxon modules it imports (eslint.config.js). */
const SOURCES = ['web', 'src/core', 'src/triage'];

/** Builds the dashboard with Vite unless dist/web is newer than every source of it. */
export async function ensureWebBuilt(): Promise<void> {
  const built = await modifiedAt(join(DASHBOARD_BUILD_DIR, 'index.html'));
  const sources = Math.max(
    await modifiedAt(join(REPO_ROOT, 'vite.config.ts')),
    ...(await Promise.all(SOURCES.map((folder) => newestIn(join(REPO_ROOT, folder))))),
  );
  if (built !== 0 && built >= sources) return;
  await promisify(execFile)(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
    {
      cwd: REPO_ROOT,
      // vitest sets NODE_ENV=test, which would give a development build of React.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
}

async function modifiedAt(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}

async function newestIn(folder: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, await modifiedAt(join(entry.parentPath, entry.name)));
  }
  return newest;
}
