import { mkdir, open, readFile, rename, stat, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { LineSource } from './line-source.ts';
import { MAX_LINE_BYTES } from './line-source.ts';
import { createAuthLogSource } from './bench-auth-log.ts';
import { createWinlogbeat4625Source } from './bench-winlogbeat.ts';

export interface BenchFileOptions {
  /** Documents in `winlogbeat-4625.ndjson` (default 1,000,000). */
  ndjsonEvents?: number;
  /** Lines in `auth.log` (default 1,000,000). */
  sshdLines?: number;
  seed?: number;
  /** Time of the first event (default 2024-03-04T00:00:00Z); the files span three days from it. */
  start?: Date;
}

export interface BenchFiles {
  /** Path of `winlogbeat-4625.ndjson`. */
  ndjson: string;
  /** Path of `auth.log` (syslog lines without a year: read them with the start's year). */
  authLog: string;
  files: BenchFile[];
}

export interface BenchFile {
  path: string;
  lines: number;
  bytes: number;
  /** False when an earlier run's file with the same parameters was kept. */
  written: boolean;
}

/** Bump when the generated content changes, so stale files are rewritten. */
const GENERATOR_VERSION = 1;
const SPAN_MS = 3 * 86_400_000;
const BUFFER_BYTES = 4 << 20;

/**
 * Writes the benchmark inputs into `dir`: `winlogbeat-4625.ndjson` and `auth.log`, each with a
 * `.meta.json` sidecar naming its parameters and size. A file whose sidecar matches and whose
 * size is right is kept as it is.
 */
export async function generateBenchFiles(dir: string, options: BenchFileOptions = {}): Promise<BenchFiles> {
  const seed = options.seed ?? 1;
  const start = (options.start ?? new Date('2024-03-04T00:00:00Z')).getTime();
  const ndjsonEvents = options.ndjsonEvents ?? 1_000_000;
  const sshdLines = options.sshdLines ?? 1_000_000;
  await mkdir(dir, { recursive: true });
  const common = { seed, start, spanMs: SPAN_MS };
  // Side by side: one file's generation fills the time the other waits for the disk.
  const [ndjson, authLog] = await Promise.all([
    writeBenchFile(
      join(dir, 'winlogbeat-4625.ndjson'),
      ndjsonEvents,
      { ...common, kind: 'winlogbeat-4625' },
      () => createWinlogbeat4625Source({ ...common, lines: ndjsonEvents }),
    ),
    writeBenchFile(join(dir, 'auth.log'), sshdLines, { ...common, kind: 'auth.log' }, () =>
      createAuthLogSource({ ...common, lines: sshdLines }),
    ),
  ]);
  return { ndjson: ndjson.path, authLog: authLog.path, files: [ndjson, authLog] };
}

interface BenchMeta {
  version: number;
  params: Record<string, unknown>;
  lines: number;
  bytes: number;
}

async function writeBenchFile(
  path: string,
  lines: number,
  params: Record<string, unknown>,
  createSource: () => LineSource,
): Promise<BenchFile> {
  const metaPath = `${path}.meta.json`;
  const wanted = { version: GENERATOR_VERSION, params, lines };
  const kept = await readMatchingMeta(path, metaPath, wanted);
  if (kept) return { path, lines, bytes: kept.bytes, written: false };

  const temporary = `${path}.tmp`;
  const bytes = await writeLines(temporary, lines, createSource());
  await rename(temporary, path);
  await writeFile(metaPath, `${JSON.stringify({ ...wanted, bytes } satisfies BenchMeta, null, 2)}\n`);
  return { path, lines, bytes, written: true };
}

/**
 * Encodes lines straight into one of two buffers; while one is being written the other fills,
 * so generating and writing overlap. Returns the bytes written.
 */
async function writeLines(path: string, lines: number, source: LineSource): Promise<number> {
  const handle = await open(path, 'w');
  const buffers = [Buffer.allocUnsafe(BUFFER_BYTES), Buffer.allocUnsafe(BUFFER_BYTES)];
  let current = buffers[0] as Buffer;
  let offset = 0;
  let bytes = 0;
  let inFlight: Promise<unknown> = Promise.resolve();
  const flush = async () => {
    await inFlight;
    inFlight = writeAll(handle, current.subarray(0, offset));
    bytes += offset;
    current = current === buffers[0] ? (buffers[1] as Buffer) : (buffers[0] as Buffer);
    offset = 0;
  };
  try {
    for (let i = 0; i < lines; i++) {
      if (offset + MAX_LINE_BYTES + 1 > BUFFER_BYTES) await flush();
      offset = source.writeLine(current, offset);
      current[offset++] = 0x0a;
    }
    await flush();
    await inFlight;
  } finally {
    await handle.close();
  }
  return bytes;
}

async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  for (let done = 0; done < data.length;)
    done += (await handle.write(data, done, data.length - done)).bytesWritten;
}

/** The sidecar of an earlier run, when it was made with the same parameters and the file still has its size. */
async function readMatchingMeta(path: string, metaPath: string, wanted: Omit<BenchMeta, 'bytes'>) {
  const [metaText, info] = await Promise.all([
    readFile(metaPath, 'utf8').catch(() => undefined),
    stat(path).catch(() => undefined),
  ]);
  if (metaText === undefined || info === undefined) return undefined;
  let meta: BenchMeta;
  try {
    meta = JSON.parse(metaText) as BenchMeta;
  } catch {
    return undefined;
  }
  const same =
    JSON.stringify({ version: meta.version, params: meta.params, lines: meta.lines }) ===
    JSON.stringify(wanted);
  return same && meta.bytes === info.size ? meta : undefined;
}
