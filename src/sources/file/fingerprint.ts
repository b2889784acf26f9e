import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

/** How many leading bytes tell one file from another (Filebeat's fingerprint length). */
export const FINGERPRINT_BYTES = 1024;

/** A hash of a file's first `bytes` bytes: fewer than FINGERPRINT_BYTES while the file is short. */
export interface Fingerprint {
  bytes: number;
  sha256: string;
}

export const EMPTY_FINGERPRINT: Fingerprint = fingerprintOf(Buffer.alloc(0));

export function fingerprintOf(head: Buffer): Fingerprint {
  return { bytes: head.length, sha256: createHash('sha256').update(head).digest('hex') };
}

/** Whether `head` (a file's first bytes) starts with the bytes `fingerprint` was taken of. */
export function startsWithFingerprint(head: Buffer, fingerprint: Fingerprint): boolean {
  if (head.length < fingerprint.bytes) return false;
  return fingerprintOf(head.subarray(0, fingerprint.bytes)).sha256 === fingerprint.sha256;
}

/** The first min(size, FINGERPRINT_BYTES) bytes of an open file (fewer if it shrank meanwhile). */
export async function readHead(handle: FileHandle, size: number): Promise<Buffer> {
  const head = Buffer.alloc(Math.min(size, FINGERPRINT_BYTES));
  let filled = 0;
  while (filled < head.length) {
    const { bytesRead } = await handle.read(head, filled, head.length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return head.subarray(0, filled);
}
