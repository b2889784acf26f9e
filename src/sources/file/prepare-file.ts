import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { describeIoError, ioErrorCode } from './describe-io-error.ts';
import type { FileGenerations } from './file-generations.ts';
import { FINGERPRINT_BYTES, fingerprintOf, readHead, startsWithFingerprint } from './fingerprint.ts';
import { restartFile } from './tracked-file.ts';
import type { Utf16Encoding } from './split-utf16-lines.ts';
import type { TrackedFile } from './tracked-file.ts';

export type Preparation =
  /**
   * Open and checked. `removed`: no path leads to it any more. `change`: `restarted` at 0 with
   * new content, or found to be a `copy` of content read before and moved to where that was.
   */
  | { kind: 'ready'; removed: boolean; change: 'none' | 'restarted' | 'copy' }
  /** Not at its path now (deleted, or replaced since the scan): the next scan will tell. */
  | { kind: 'missing' }
  | { kind: 'problem'; message: string };

/**
 * Opens the file if needed and checks where to read from: a file smaller than the offset was
 * truncated in place, and one whose first bytes changed holds new content (truncated and
 * written again, or a reused inode); both start over at 0. A file new to this run that starts
 * like one already read is its copy (copytruncate) and starts where that one was.
 */
export async function prepareFile(file: TrackedFile, generations: FileGenerations): Promise<Preparation> {
  try {
    const handle = file.handle ?? (await openAt(file));
    if (handle === undefined) return { kind: 'missing' };
    file.handle = handle;
    const stats = await handle.stat({ bigint: true });
    file.size = Number(stats.size);
    file.modifiedMs = Number(stats.mtimeNs) / 1e6;
    const stamp = `${stats.size}:${stats.mtimeNs}`;
    let change: 'none' | 'restarted' | 'copy' = 'none';
    if (stamp !== file.checkedStamp) {
      change = await checkHead(file, handle, generations);
      file.checkedStamp = stamp;
    }
    return { kind: 'ready', removed: stats.nlink === 0n, change };
  } catch (error) {
    const code = ioErrorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    return { kind: 'problem', message: `cannot read ${file.path}: ${describeIoError(error)}` };
  }
}

async function openAt(file: TrackedFile): Promise<FileHandle | undefined> {
  const handle = await open(file.path, 'r');
  const stats = await handle.stat({ bigint: true });
  if (String(stats.dev) === file.device && String(stats.ino) === file.inode) return handle;
  await handle.close();
  return undefined;
}

async function checkHead(
  file: TrackedFile,
  handle: FileHandle,
  generations: FileGenerations,
): Promise<'none' | 'restarted' | 'copy'> {
  const head = await readHead(handle, file.size);
  let change: 'none' | 'restarted' | 'copy' = 'none';
  if (file.size < file.offset || !startsWithFingerprint(head, file.fingerprint)) {
    generations.retire(file);
    restartFile(file);
    change = 'restarted';
  }
  file.utf16 = utf16Of(head);
  const fingerprint = fingerprintOf(head);
  if (file.fresh && head.length === FINGERPRINT_BYTES) {
    const copied = generations.offsetFor(fingerprint, file.key);
    if (copied !== undefined && copied > file.offset && copied <= file.size) {
      file.offset = copied;
      change = 'copy';
    }
  }
  if (file.fresh && (head.length === FINGERPRINT_BYTES || file.offset > 0)) file.fresh = false;
  if (head.length > file.fingerprint.bytes) file.fingerprint = fingerprint;
  return change;
}

/** The UTF-16 encoding a head's byte order mark announces, if any. */
function utf16Of(head: Uint8Array): Utf16Encoding | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}
