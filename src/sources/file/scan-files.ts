import { stat } from 'node:fs/promises';
import { describeIoError, ioErrorCode } from './describe-io-error.ts';
import { expandGlob, isPattern } from './expand-glob.ts';
import { identityKey } from './tracked-file.ts';
import type { FileIdentity } from './tracked-file.ts';

/** logrotate's compressed generations match `auth.log*` too: complete, read once, not followed. */
const COMPRESSED = /\.(?:gz|bz2|xz|zst|lz4|lzma|zip|Z)$/;

export interface FoundFile extends FileIdentity {
  size: number;
  modifiedMs: number;
}

export interface FileScan {
  /** By identity key; a file reached by two paths (links, two patterns) appears once. */
  found: Map<string, FoundFile>;
  /** Files named as compressed (`.gz`, `.xz`, ...), by identity key: read whole, once. */
  compressed: Map<string, FoundFile>;
  /** Trouble that needs a person (permission denied), in plain words. */
  problems: string[];
  /** Patterns that match nothing yet: normal while an application has not logged yet. */
  notes: string[];
}

/** Expands the patterns and identifies every regular file they name. */
export async function scanFiles(patterns: readonly string[]): Promise<FileScan> {
  const scan: FileScan = { found: new Map(), compressed: new Map(), problems: [], notes: [] };
  for (const pattern of patterns) {
    const expansion = await expandGlob(pattern);
    scan.problems.push(...expansion.problems);
    const literal = !isPattern(pattern);
    let matches = 0;
    for (const path of expansion.paths) {
      const into = COMPRESSED.test(path) ? scan.compressed : scan.found;
      if (await identifyFile(path, literal, scan, into)) matches++;
    }
    if (matches === 0 && expansion.problems.length === 0) {
      scan.notes.push(literal ? `${pattern} does not exist yet` : `no file matches ${pattern} yet`);
    }
  }
  return scan;
}

/** Adds the file at `path` to the scan; false when there is none to follow there. */
async function identifyFile(
  path: string,
  literal: boolean,
  scan: FileScan,
  into: Map<string, FoundFile>,
): Promise<boolean> {
  try {
    const stats = await stat(path, { bigint: true });
    if (!stats.isFile()) {
      if (literal) scan.problems.push(`${path} is not a regular file`);
      return literal;
    }
    const device = String(stats.dev);
    const inode = String(stats.ino);
    const key = identityKey(device, inode);
    if (!into.has(key)) {
      into.set(key, {
        path,
        device,
        inode,
        size: Number(stats.size),
        modifiedMs: Number(stats.mtimeNs) / 1e6,
      });
    }
    return true;
  } catch (error) {
    const code = ioErrorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    scan.problems.push(`cannot read ${path}: ${describeIoError(error)}`);
    return true;
  }
}
