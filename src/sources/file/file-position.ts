import * as z from 'zod';
import type { CompressedFile } from './compressed-files.ts';
import { identityKey, trackRememberedFile } from './tracked-file.ts';
import type { TrackedFile } from './tracked-file.ts';

const digits = z.string().regex(/^\d+$/);

const positionSchema = z.object({
  files: z.array(
    z.object({
      path: z.string().min(1),
      device: digits,
      inode: digits,
      offset: z.int().min(0),
      fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
      fingerprintBytes: z.int().min(0),
      skipping: z.boolean().optional(),
    }),
  ),
  /** Compressed rotations: `offset` in decompressed bytes, `done` once read to the end. */
  compressed: z
    .array(
      z.object({
        path: z.string().min(1),
        device: digits,
        inode: digits,
        offset: z.int().min(0),
        fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
        fingerprintBytes: z.int().min(0),
        done: z.boolean(),
      }),
    )
    .optional(),
});

/**
 * Where the file source stands, as plain JSON: per file identity (device and inode as decimal
 * strings, since inodes may exceed 2^53) its latest path, the offset of its next unread line and
 * a SHA-256 of its first `fingerprintBytes` bytes, so a reused inode is not mistaken for the file.
 */
export type FilePosition = z.infer<typeof positionSchema>;

/** The files of a delivered position; a position this source did not make is refused in words. */
export function restoreFilePosition(value: unknown): {
  files: TrackedFile[];
  compressed: CompressedFile[];
  problem?: string;
} {
  if (value === undefined || value === null) return { files: [], compressed: [] };
  const parsed = positionSchema.safeParse(value);
  if (!parsed.success)
    return {
      files: [],
      compressed: [],
      problem: 'the saved position is not a file position; starting afresh',
    };
  return {
    compressed: (parsed.data.compressed ?? []).map((entry) => ({
      key: identityKey(entry.device, entry.inode),
      path: entry.path,
      device: entry.device,
      inode: entry.inode,
      offset: entry.offset,
      fingerprint: { bytes: entry.fingerprintBytes, sha256: entry.fingerprint },
      done: entry.done,
    })),
    files: parsed.data.files.map((entry) =>
      trackRememberedFile({
        path: entry.path,
        device: entry.device,
        inode: entry.inode,
        offset: entry.offset,
        fingerprint: { bytes: entry.fingerprintBytes, sha256: entry.fingerprint },
        skipping: entry.skipping ?? false,
      }),
    ),
  };
}

export function describeFilePosition(
  files: Iterable<TrackedFile>,
  compressed: Iterable<CompressedFile> = [],
): FilePosition {
  const entries: FilePosition['files'] = [];
  for (const file of files) {
    entries.push({
      path: file.path,
      device: file.device,
      inode: file.inode,
      offset: file.offset,
      fingerprint: file.fingerprint.sha256,
      fingerprintBytes: file.fingerprint.bytes,
      ...(file.skipping ? { skipping: true } : {}),
    });
  }
  const packed: NonNullable<FilePosition['compressed']> = [];
  for (const file of compressed) {
    if (file.fingerprint.bytes === 0 && !file.done) continue;
    packed.push({
      path: file.path,
      device: file.device,
      inode: file.inode,
      offset: file.offset,
      fingerprint: file.fingerprint.sha256,
      fingerprintBytes: file.fingerprint.bytes,
      done: file.done,
    });
  }
  return packed.length > 0 ? { files: entries, compressed: packed } : { files: entries };
}
