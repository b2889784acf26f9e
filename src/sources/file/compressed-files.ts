import { open } from 'node:fs/promises';
import { InputError } from '../../core/index.ts';
import { describeIoError } from './describe-io-error.ts';
import type { FileGenerations } from './file-generations.ts';
import { FINGERPRINT_BYTES, fingerprintOf, readHead, startsWithFingerprint } from './fingerprint.ts';
import type { Fingerprint } from './fingerprint.ts';
import { readDecompressedHead, readDecompressedLines } from './read-compressed.ts';
import type { FoundFile } from './scan-files.ts';
import { sniffContent } from './sniff-content.ts';
import { identityKey, unreadBytes } from './tracked-file.ts';
import type { TrackedFile } from './tracked-file.ts';

/**
 * A compressed rotation (`auth.log.2.gz`): complete, so read once as a whole, never followed.
 * `offset` counts decompressed bytes and `fingerprint` is of its decompressed head, so content
 * read before as a plain file (`auth.log.1` before it was compressed) is known again.
 */
export interface CompressedFile {
  key: string;
  path: string;
  device: string;
  inode: string;
  offset: number;
  fingerprint: Fingerprint;
  done: boolean;
  /** Size and mtime when last looked at: a file that failed is tried again only once it changes. */
  stamp?: string;
  /** Why it is not read: `note` for a format Klaxon does not read, `problem` for damage or I/O. */
  refusal?: { severity: 'note' | 'problem'; message: string };
}

export interface CompressedContext {
  maxLineBytes: number;
  signal: AbortSignal;
  counters: { linesCut: number };
  /** Where a first scan starts: with `end`, compressed rotations found then are old and skipped. */
  skipExisting: boolean;
  deliver(file: CompressedFile, lines: string[]): Promise<void>;
}

export interface CompressedPass {
  progressed: boolean;
  problems: string[];
  notes: string[];
}

/**
 * Reads every compressed file of a scan that is not read yet, oldest first. One whose content a
 * plain file still being read begins with waits for it to finish; what that file (or another
 * generation) already delivered is skipped. Entries for files no longer matched are forgotten.
 */
export async function readCompressedFiles(
  found: readonly FoundFile[],
  known: Map<string, CompressedFile>,
  plain: ReadonlyMap<string, TrackedFile>,
  generations: FileGenerations,
  context: CompressedContext,
): Promise<CompressedPass> {
  const pass: CompressedPass = { progressed: false, problems: [], notes: [] };
  const keys = new Set(found.map((file) => identityKey(file.device, file.inode)));
  for (const key of known.keys()) if (!keys.has(key)) known.delete(key);
  for (const seen of [...found].sort((a, b) => a.modifiedMs - b.modifiedMs)) {
    if (context.signal.aborted) break;
    const key = identityKey(seen.device, seen.inode);
    const stamp = `${seen.size}:${seen.modifiedMs}`;
    const entry = known.get(key);
    if (entry?.stamp === stamp) {
      if (entry.refusal)
        pass[entry.refusal.severity === 'note' ? 'notes' : 'problems'].push(entry.refusal.message);
      if (entry.done || entry.refusal) continue;
    }
    const file = entry ?? newEntry(seen, key);
    file.path = seen.path;
    known.set(key, file);
    try {
      const read = await readOne(file, stamp, { known, plain, generations, context }, pass);
      pass.progressed ||= read;
    } catch (error) {
      file.stamp = stamp;
      const message =
        error instanceof InputError ? error.message : `cannot read ${file.path}: ${describeIoError(error)}`;
      file.refusal = { severity: 'problem', message };
      pass.problems.push(file.refusal.message);
    }
  }
  return pass;
}

interface Surroundings {
  known: ReadonlyMap<string, CompressedFile>;
  plain: ReadonlyMap<string, TrackedFile>;
  generations: FileGenerations;
  context: CompressedContext;
}

async function readOne(file: CompressedFile, stamp: string, around: Surroundings, pass: CompressedPass) {
  file.refusal = undefined;
  const raw = sniffContent(await readRawHead(file.path));
  if (raw.kind === 'unreadable') {
    file.stamp = stamp;
    file.refusal = { severity: 'note', message: `${file.path} not read: it is ${raw.why}` };
    pass.notes.push(file.refusal.message);
    return false;
  }
  const head = await readDecompressedHead(file.path);
  const fingerprint = fingerprintOf(head);
  if (file.fingerprint.bytes === 0 || !startsWithFingerprint(head, file.fingerprint)) {
    const start = startingPoint(file, fingerprint, around);
    if (start === 'wait') return false;
    Object.assign(file, { fingerprint, offset: start === 'done' ? 0 : start, done: start === 'done' });
  }
  if (file.done) {
    file.stamp = stamp;
    return false;
  }
  let progressed = false;
  for await (const chunk of readDecompressedLines(file.path, file.offset, around.context.maxLineBytes)) {
    file.offset = chunk.offset;
    around.context.counters.linesCut += chunk.cut;
    progressed = true;
    if (chunk.lines.length > 0) await around.context.deliver(file, chunk.lines);
    if (around.context.signal.aborted) return progressed;
  }
  file.done = true;
  file.stamp = stamp;
  return progressed;
}

/** Where to start reading content that is new to this entry: a byte offset, later, or not at all. */
function startingPoint(
  file: CompressedFile,
  fingerprint: Fingerprint,
  around: Surroundings,
): number | 'wait' | 'done' {
  if (around.context.skipExisting) return 'done';
  if (fingerprint.bytes < FINGERPRINT_BYTES) return 0;
  // The same content as a plain file not read to its end yet (compressed right after rotation).
  for (const other of around.plain.values())
    if (other.fingerprint.sha256 === fingerprint.sha256 && unreadBytes(other) > 0) return 'wait';
  for (const other of around.known.values())
    if (other !== file && other.done && other.fingerprint.sha256 === fingerprint.sha256) return 'done';
  return around.generations.offsetFor(fingerprint, file.key) ?? 0;
}

function newEntry(seen: FoundFile, key: string): CompressedFile {
  return {
    key,
    path: seen.path,
    device: seen.device,
    inode: seen.inode,
    offset: 0,
    fingerprint: fingerprintOf(Buffer.alloc(0)),
    done: false,
  };
}

async function readRawHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    return await readHead(handle, FINGERPRINT_BYTES);
  } finally {
    await handle.close();
  }
}
