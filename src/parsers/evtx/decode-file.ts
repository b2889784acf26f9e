import { CHUNK_SIZE } from './chunk.ts';
import type { EvtxRecord } from './decode-chunk.ts';
import { decodeChunk } from './decode-chunk.ts';
import { FILE_HEADER_SIZE, readFileHeader } from './file-header.ts';

/**
 * Decodes a whole .evtx file held in memory: every complete chunk after the header, in file
 * order (a file may hold more chunks than its header counts). A truncated last chunk ends the file.
 * With `afterRecordId`, chunks whose header says they end at or before it are passed over unread
 * (a followed log: only the chunks with new records are decoded). Throws only when the bytes are
 * not an .evtx file at all.
 */
export function* decodeEvtxBuffer(buf: Buffer, afterRecordId?: bigint): Generator<EvtxRecord> {
  const header = readFileHeader(buf);
  if (typeof header === 'string') throw new Error(header);
  for (let offset = FILE_HEADER_SIZE; offset + CHUNK_SIZE <= buf.length; offset += CHUNK_SIZE) {
    const chunk = buf.subarray(offset, offset + CHUNK_SIZE);
    if (afterRecordId !== undefined && endsBefore(chunk, afterRecordId)) continue;
    yield* decodeChunk(chunk);
  }
}

/** Whether a chunk's header (signature right) says its last record id is at most `recordId`. */
function endsBefore(chunk: Buffer, recordId: bigint): boolean {
  return chunk.toString('latin1', 0, 8) === 'ElfChnk\0' && chunk.readBigUInt64LE(32) <= recordId;
}
