import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { InputError } from '../../core/index.ts';
import { describeIoError } from './describe-io-error.ts';
import { SNIFF_BYTES, sniffContent } from './sniff-content.ts';
import type { ContentKind } from './sniff-content.ts';

/** Bytes per read of a plain file: readLineBatches yields the lines that end in each read as one batch. */
export const CHUNK_BYTES = 1 << 20;
const GUNZIP_CHUNK_BYTES = 256 * 1024;

/**
 * How a log file's bytes become lines: as they are (UTF-8 or ASCII), through gunzip, or decoded
 * from UTF-16 into UTF-8.
 */
export type LogEncoding = 'plain' | 'gzip' | 'utf-16le' | 'utf-16be';

/**
 * How to read a file as lines, by its first bytes (never its name): plain text, gzip holding
 * text, or UTF-16 text with its byte order mark. Anything else (bzip2, xz, zstd, binary) is an
 * InputError naming the file and what to do, so it never turns into a run of skipped garbage lines.
 */
export async function inspectLogFile(path: string): Promise<LogEncoding> {
  const outer = sniffContent(await readHead(path));
  if (outer.kind === 'unreadable') throw refusal(path, outer);
  if (outer.kind === 'text') return 'plain';
  if (outer.kind === 'utf-16') return outer.encoding;
  const inner = sniffContent(await gunzippedHead(path));
  if (inner.kind === 'utf-16')
    throw refusal(path, {
      kind: 'unreadable',
      why: 'gzip holding UTF-16 text',
      remedy: 'gunzip it first (gunzip -k FILE)',
    });
  if (inner.kind === 'unreadable') throw refusal(path, { ...inner, why: `gzip holding ${inner.why}` });
  if (inner.kind === 'gzip')
    throw refusal(path, { kind: 'unreadable', why: 'gzip inside gzip', remedy: 'gunzip it once first' });
  return 'gzip';
}

/**
 * The bytes of a log file in chunks, gunzipped when it is gzip (several gzip members in a row
 * too), as UTF-8 when it is UTF-16. A chunk is valid until the next one is asked for. Refuses
 * what `inspectLogFile` refuses; damaged or cut-short gzip data is an InputError naming the file.
 */
export async function* readContentChunks(path: string): AsyncGenerator<Buffer> {
  const encoding = await inspectLogFile(path);
  if (encoding === 'gzip') yield* gunzipChunks(path);
  else if (encoding === 'plain') yield* plainChunks(path);
  else yield* utf8Chunks(plainChunks(path), encoding);
}

/**
 * UTF-16 chunks as UTF-8, the byte order mark dropped. A character split between two chunks is
 * finished in the next; an unpaired surrogate becomes U+FFFD, as a bad UTF-8 byte does.
 */
async function* utf8Chunks(chunks: AsyncIterable<Buffer>, encoding: 'utf-16le' | 'utf-16be') {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.decode();
  if (rest !== '') yield Buffer.from(rest, 'utf8');
}

/**
 * Reads one chunk ahead from the second on: while the caller works on a chunk, the next read fills
 * a second buffer, so the main thread does not sit idle waiting for the thread pool (on a busy
 * machine, for a core) after each chunk. A caller that reads only the first chunk (sniffing the
 * format) costs no read ahead. A chunk stays valid until the next one is asked for: only then is
 * its buffer read into again.
 */
async function* plainChunks(path: string): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  let chunk: Buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let spare: Buffer | undefined;
  let ahead: Promise<number> | undefined = readInto(file, chunk);
  try {
    for (;;) {
      const bytesRead: number = await ahead;
      ahead = undefined;
      if (bytesRead === 0) return;
      if (spare !== undefined) ahead = readInto(file, spare);
      yield chunk.subarray(0, bytesRead);
      spare ??= Buffer.allocUnsafe(CHUNK_BYTES);
      [chunk, spare] = [spare, chunk];
      ahead ??= readInto(file, chunk);
    }
  } finally {
    // A caller that stopped early never asks for the read ahead: it ends before the file closes.
    if (ahead !== undefined) await ahead.catch(() => 0);
    await file.close();
  }
}

/** Reads the file's next bytes into `buffer`; a failure surfaces where the read is awaited. */
function readInto(file: FileHandle, buffer: Buffer): Promise<number> {
  const read = file.read(buffer, 0, CHUNK_BYTES, null).then((result) => result.bytesRead);
  // Not awaited while the generator waits at its yield: that is no unhandled rejection.
  read.catch(() => undefined);
  return read;
}

async function* gunzipChunks(path: string, limit = Infinity): AsyncGenerator<Buffer> {
  const input = createReadStream(path);
  const gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES });
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  let seen = 0;
  try {
    for await (const chunk of gunzip) {
      yield chunk as Buffer;
      seen += (chunk as Buffer).length;
      if (seen >= limit) return;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const why = (error as Error).message;
    throw new InputError(`${path}: the gzip data is damaged or cut short (${why})`, { cause: error });
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

async function gunzippedHead(path: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of gunzipChunks(path, SNIFF_BYTES)) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).subarray(0, SNIFF_BYTES);
}

async function readHead(path: string): Promise<Buffer> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw new InputError(`${path}: cannot read the file (${describeIoError(error)})`, { cause: error });
  }
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await file.read(head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

function refusal(path: string, content: Extract<ContentKind, { kind: 'unreadable' }>): InputError {
  return new InputError(`${path} is ${content.why}; ${content.remedy.replace('FILE', path)}`);
}
