import { CHUNK_SIZE } from './chunk.ts';
import type { EvtxRecord } from './decode-chunk.ts';
import { decodeChunk } from './decode-chunk.ts';
import { FILE_HEADER_SIZE, readFileHeader } from './file-header.ts';

/**
 * Decodes a whole .evtx file held in memory: every complete chunk after the header, in file
 * order (a file may hold more chunks than its header counts). A truncated last chunk ends the file.
 * Throws only when the bytes are not an .evtx file at all.
 */
export function* decodeEvtxBuffer(buf: Buffer): Generator<EvtxRecord> {
  const header = readFileHeader(buf);
  if (typeof header === 'string') throw new Error(header);
  for (let offset = FILE_HEADER_SIZE; offset + CHUNK_SIZE <= buf.length; offset += CHUNK_SIZE) {
    yield* decodeChunk(buf.subarray(offset, offset + CHUNK_SIZE));
  }
}
