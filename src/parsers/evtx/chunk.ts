import { crc32 } from 'node:zlib';

/** Every chunk is 64 KiB: a 512-byte header (with string and template tables), then records. */
export const CHUNK_SIZE = 65_536;
const CHUNK_HEADER_SIZE = 512;
const CHUNK_MAGIC = 'ElfChnk\0';
const RECORD_MAGIC = 0x00002a2a;
/** Signature (4), size (4), record id (8), written time (8); the size is repeated after the data. */
export const RECORD_HEADER_SIZE = 24;

/** Whether a chunk can be read, and why not. */
export type ChunkCheck = 'ok' | 'empty' | 'corrupt-chunk';

/**
 * Checks a chunk's signature and its two CRC32s: of the header (bytes 0-120 and 128-512) and of
 * the records (512 up to the free-space offset). A chunk of zeros (preallocated, never written) is
 * empty, not corrupt.
 */
export function checkChunk(chunk: Buffer): ChunkCheck {
  if (chunk.length < CHUNK_SIZE) return 'corrupt-chunk';
  if (chunk.toString('latin1', 0, 8) !== CHUNK_MAGIC) return isZeros(chunk, 0, 8) ? 'empty' : 'corrupt-chunk';
  const headerCrc = crc32(chunk.subarray(128, CHUNK_HEADER_SIZE), crc32(chunk.subarray(0, 120)));
  if (headerCrc !== chunk.readUInt32LE(124)) return 'corrupt-chunk';
  const freeSpace = chunk.readUInt32LE(48);
  if (freeSpace < CHUNK_HEADER_SIZE || freeSpace > CHUNK_SIZE) return 'corrupt-chunk';
  if (crc32(chunk.subarray(CHUNK_HEADER_SIZE, freeSpace)) !== chunk.readUInt32LE(52)) return 'corrupt-chunk';
  return 'ok';
}

export interface RecordSpan {
  recordId: bigint;
  /** Where the record's binary XML starts and ends, within the chunk. */
  start: number;
  end: number;
}

/** The records of a checked chunk, in the order they were written; stops at the first bad signature. */
export function* chunkRecords(chunk: Buffer): Generator<RecordSpan> {
  const freeSpace = chunk.readUInt32LE(48);
  let offset = CHUNK_HEADER_SIZE;
  while (offset + RECORD_HEADER_SIZE <= freeSpace) {
    if (chunk.readUInt32LE(offset) !== RECORD_MAGIC) return;
    const size = chunk.readUInt32LE(offset + 4);
    if (size < RECORD_HEADER_SIZE + 4 || offset + size > freeSpace) return;
    yield {
      recordId: chunk.readBigUInt64LE(offset + 8),
      start: offset + RECORD_HEADER_SIZE,
      end: offset + size - 4,
    };
    offset += size;
  }
}

function isZeros(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (buf[i] !== 0) return false;
  return true;
}
