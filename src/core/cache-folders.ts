import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const KEEP_OTHERS = 7;
const UNUSED_MS = 7 * 24 * 3600_000;

/**
 * Removes the folders in `dir` named `prefix…` other than `keep`: those unchanged for a week, and
 * all but the newest seven. Builds used side by side (two installs, several checkouts) keep theirs.
 */
export function pruneCacheFolders(dir: string, prefix: string, keep: string, now: number): void {
  const others = readdirSync(dir)
    .filter((name) => name.startsWith(prefix))
    .map((name) => join(dir, name))
    .filter((path) => path !== keep)
    .map((path) => ({ path, used: statSync(path).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  others.forEach(({ path, used }, index) => {
    if (index >= KEEP_OTHERS || now - used > UNUSED_MS) rmSync(path, { recursive: true, force: true });
  });
}
