import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { SecurityEvent } from '../core/index.ts';
import { InputError } from '../core/index.ts';
import type { LineParser } from '../parsers/index.ts';
import { CHUNK_SIZE, FILE_HEADER_SIZE, readChunkEvents, readFileHeader } from '../parsers/index.ts';
import type { EventBatch, EventStream, ReadCounts } from './event-stream.ts';

/** Bytes of a file's start that `sniffBinaryFormat` needs. */
export const BINARY_SNIFF_BYTES = 8;

/** The first bytes of a file, for binary format sniffing. */
export async function readFileHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(BINARY_SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Opens a Windows .evtx file as a stream of events, one batch per 64 KiB chunk: records count as
 * the stream's "lines", corrupt chunks and undecodable records as skipped. A header that is no
 * .evtx header is an InputError; a file cut short ends at its last complete chunk.
 */
export async function openEvtxStream(path: string, source: number, skipEvents: number): Promise<EventStream> {
  const handle = await open(path, 'r');
  const header = Buffer.alloc(FILE_HEADER_SIZE);
  const { bytesRead } = await handle.read(header, 0, FILE_HEADER_SIZE, 0);
  const parsed = readFileHeader(header.subarray(0, bytesRead));
  if (typeof parsed === 'string') {
    await handle.close();
    throw new InputError(`${path}: ${parsed}`);
  }
  const notes: string[] = [];
  if (!parsed.checksumOk)
    notes.push(`${path}: the file header's checksum does not match (its chunks are read anyway)`);
  const counts: ReadCounts = { lines: 0, events: 0, skipped: {} };
  const parser: LineParser = { parseLine: () => 'binary-format', notes: () => notes };
  const batches = readChunks(handle, counts, source, skipEvents);
  return { path, format: 'evtx', counts, parser, batches, threads: 1 };
}

async function* readChunks(
  handle: FileHandle,
  counts: ReadCounts,
  source: number,
  skipEvents: number,
): AsyncGenerator<EventBatch> {
  const chunk = Buffer.alloc(CHUNK_SIZE);
  const skip = (reason: string): void => {
    counts.skipped[reason] = (counts.skipped[reason] ?? 0) + 1;
  };
  let toSkip = skipEvents;
  try {
    for (let position = FILE_HEADER_SIZE; ; position += CHUNK_SIZE) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_SIZE, position);
      if (bytesRead < CHUNK_SIZE) return;
      const events: SecurityEvent[] = [];
      const times: number[] = [];
      const tally = readChunkEvents(chunk, (event, ts) => (events.push(event), times.push(ts)), skip);
      counts.lines += tally.records;
      counts.events += events.length;
      const from = Math.min(toSkip, events.length);
      toSkip -= from;
      if (from < events.length) yield { events: events.slice(from), times: times.slice(from), source };
    }
  } finally {
    await handle.close();
  }
}
