import type { FileHandle } from 'node:fs/promises';
import { EMPTY_FINGERPRINT } from './fingerprint.ts';
import type { Fingerprint } from './fingerprint.ts';
import type { Utf16Encoding } from './split-utf16-lines.ts';

/** A file as the follower knows it; its identity is device + inode (`key`), not its path. */
export interface TrackedFile {
  key: string;
  path: string;
  device: string;
  inode: string;
  /** Where the next unread line starts. */
  offset: number;
  fingerprint: Fingerprint;
  /** Inside a line cut to the maximum: bytes up to its newline are dropped. */
  skipping: boolean;
  /** Found by the latest scan; if not (renamed away, deleted), it is finished and then forgotten. */
  matched: boolean;
  /** Not yet checked for being a copy of a file already read (copytruncate). */
  fresh: boolean;
  handle?: FileHandle;
  /** The latest size seen, and bytes of an incomplete last line waiting for its newline. */
  size: number;
  waiting: number;
  modifiedMs: number;
  /** Size and mtime when the head was last compared with the fingerprint. */
  checkedStamp?: string;
  /** now() when an unmatched file was first found at its end with nothing new. */
  idleSince?: number;
  /** UTF-16 text, by the byte order mark its head starts with (read past it); else UTF-8. */
  utf16?: Utf16Encoding | undefined;
}

export interface FileIdentity {
  path: string;
  device: string;
  inode: string;
}

export function identityKey(device: string, inode: string): string {
  return `${device}:${inode}`;
}

/** A file found by a scan that the follower did not know. */
export function trackNewFile(
  found: FileIdentity & { size: number; modifiedMs: number },
  offset: number,
): TrackedFile {
  return {
    key: identityKey(found.device, found.inode),
    path: found.path,
    device: found.device,
    inode: found.inode,
    offset,
    fingerprint: EMPTY_FINGERPRINT,
    skipping: false,
    matched: true,
    fresh: true,
    size: found.size,
    waiting: 0,
    modifiedMs: found.modifiedMs,
  };
}

/** A file known from a delivered position, not yet seen by this run. */
export function trackRememberedFile(
  remembered: FileIdentity & { offset: number; fingerprint: Fingerprint; skipping: boolean },
): TrackedFile {
  return {
    ...remembered,
    key: identityKey(remembered.device, remembered.inode),
    matched: false,
    fresh: false,
    size: remembered.offset,
    waiting: 0,
    modifiedMs: 0,
  };
}

/** Starts the file over: it was truncated in place or its inode now holds other content. */
export function restartFile(file: TrackedFile): void {
  file.offset = 0;
  file.skipping = false;
  file.waiting = 0;
  file.fingerprint = EMPTY_FINGERPRINT;
}

/** Bytes not read yet, leaving out an incomplete last line. */
export function unreadBytes(file: TrackedFile): number {
  return Math.max(0, file.size - file.offset - file.waiting);
}

/** Closes the file's handle, if open; it is reopened (and checked again) on its next turn. */
export async function closeFile(file: TrackedFile): Promise<void> {
  const handle = file.handle;
  file.handle = undefined;
  file.checkedStamp = undefined;
  await handle?.close().catch(() => undefined);
}
