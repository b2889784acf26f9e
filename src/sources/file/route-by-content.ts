import { open } from 'node:fs/promises';
import type { FileScan } from './scan-files.ts';
import { startsCompressed } from './sniff-content.ts';

const MAGIC_BYTES = 8;

/**
 * Moves the files of a scan that start like compressed files (`auth.log.2` gzipped without its
 * `.gz`) from `found` to `compressed`, so that they are read once, whole, never followed as text.
 * Only files the follower does not track yet are looked at, once: a file known as compressed
 * stays so, and one that cannot be opened is left for the follower to report.
 */
export async function routeCompressedByContent(
  scan: FileScan,
  tracked: ReadonlyMap<string, unknown>,
  knownCompressed: ReadonlyMap<string, unknown>,
): Promise<void> {
  for (const [key, found] of scan.found) {
    if (tracked.has(key) || found.size === 0) continue;
    if (knownCompressed.has(key) || (await looksCompressed(found.path))) {
      scan.found.delete(key);
      scan.compressed.set(key, found);
    }
  }
}

async function looksCompressed(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const head = Buffer.alloc(MAGIC_BYTES);
      const { bytesRead } = await handle.read(head, 0, MAGIC_BYTES, 0);
      return startsCompressed(head.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}
