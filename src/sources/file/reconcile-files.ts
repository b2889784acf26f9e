import { dirname } from 'node:path';
import { findByInode } from './find-by-inode.ts';
import type { FoundFile } from './scan-files.ts';
import { trackNewFile } from './tracked-file.ts';
import type { TrackedFile } from './tracked-file.ts';

export interface ReconcileOptions {
  /** Where a file unknown at the first scan of a run starts; files appearing later start at 0. */
  startAt: 'beginning' | 'end';
  firstScan: boolean;
}

/**
 * Brings the tracked files up to date with a scan: a known identity under a new path was
 * renamed (it keeps its offset), an unknown one is new. A known one the scan missed is looked
 * for by inode in its folder, once, to learn its new name (renamed away, or renamed while
 * Klaxon was stopped); one neither found nor open is forgotten, an open one is finished first.
 */
export async function reconcileFiles(
  files: Map<string, TrackedFile>,
  found: ReadonlyMap<string, FoundFile>,
  options: ReconcileOptions,
): Promise<void> {
  for (const [key, seen] of found) {
    const file = files.get(key);
    if (file === undefined) {
      const offset = options.firstScan && options.startAt === 'end' ? seen.size : 0;
      files.set(key, trackNewFile(seen, offset));
      continue;
    }
    file.path = seen.path;
    file.matched = true;
    file.modifiedMs = seen.modifiedMs;
    file.size = seen.size;
    file.idleSince = undefined;
  }
  for (const [key, file] of files) {
    if (found.has(key)) continue;
    const justMissed = file.matched;
    file.matched = false;
    if (file.handle !== undefined && !justMissed) continue;
    const path = await findByInode(dirname(file.path), file.device, file.inode);
    if (path !== undefined) file.path = path;
    else if (file.handle === undefined) files.delete(key);
  }
}
