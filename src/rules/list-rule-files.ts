import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/index.ts';

/**
 * The rule files at `path`: the path itself when it is a file named explicitly, else the `*.yml`
 * and `*.yaml` files under it (recursively, skipping dot-files) in sorted order, so ids,
 * duplicates and messages come out the same on every run. A path that cannot be read throws.
 */
export async function listRuleFiles(path: string, explicit = true): Promise<string[]> {
  const info = await stat(path).catch((error: unknown) => {
    throw new InputError(`cannot read rules from ${path}: ${describeFsError(error)}`, { cause: error });
  });
  if (info.isFile()) return explicit || /\.ya?ml$/i.test(path) ? [path] : [];
  if (!info.isDirectory()) return [];
  const entries = await readdir(path).catch((error: unknown) => {
    throw new InputError(`cannot list rules directory ${path}: ${describeFsError(error)}`, { cause: error });
  });
  const files: string[] = [];
  for (const entry of entries.filter((name) => !name.startsWith('.')).sort(compareText)) {
    files.push(...(await listRuleFiles(join(path, entry), false)));
  }
  return files;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}
