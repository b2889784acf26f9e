import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describeIoError, ioErrorCode } from './describe-io-error.ts';
import { compileGlobSegment, hasWildcard, unescapeSegment } from './glob-pattern.ts';

export interface GlobExpansion {
  /** Matching paths, sorted; the last segment may name anything (the caller checks for files). */
  paths: string[];
  /** Folders that exist but cannot be listed, in plain words. */
  problems: string[];
}

/** Why a pattern cannot be used (`... has a [ without its closing ]`), or undefined when it can. */
export function checkGlobPattern(pattern: string): string | undefined {
  try {
    for (const segment of pattern.split('/')) if (hasWildcard(segment)) compileGlobSegment(segment);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The paths matching a pattern with wildcards in any of its segments (`/var/log/secure*`,
 * `/srv/app-?/logs/[a-c].log`); a relative pattern is taken from the working folder. A pattern
 * without wildcards yields itself, whether or not it exists. Missing folders match nothing.
 */
export async function expandGlob(pattern: string): Promise<GlobExpansion> {
  const segments = resolve(pattern).split('/').slice(1);
  const problems: string[] = [];
  let bases = ['/'];
  for (const [index, segment] of segments.entries()) {
    if (!hasWildcard(segment)) {
      bases = bases.map((base) => join(base, unescapeSegment(segment)));
      continue;
    }
    const matcher = compileGlobSegment(segment);
    const last = index === segments.length - 1;
    const next: string[] = [];
    for (const base of bases) {
      const names = await listFolder(base, last, problems);
      for (const name of names) if (matcher.test(name)) next.push(join(base, name));
    }
    bases = next.sort();
  }
  return { paths: bases, problems };
}

/** Entry names of a folder; only possible folders unless `anyKind`. */
async function listFolder(folder: string, anyKind: boolean, problems: string[]): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries
      .filter((entry) => anyKind || entry.isDirectory() || entry.isSymbolicLink())
      .map((entry) => entry.name);
  } catch (error) {
    const code = ioErrorCode(error);
    if (code !== 'ENOENT' && code !== 'ENOTDIR')
      problems.push(`cannot list ${folder}: ${describeIoError(error)}`);
    return [];
  }
}

/** Whether a path holds wildcards, i.e. may name several files. */
export function isPattern(path: string): boolean {
  return path.split('/').some(hasWildcard);
}
