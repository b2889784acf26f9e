export { decodeChunk } from './decode-chunk.ts';
export type { EvtxRecord, EvtxSkipReason } from './decode-chunk.ts';
export { decodeEvtxBuffer } from './decode-file.ts';
export { CHUNK_SIZE } from './chunk.ts';
export { EVTX_FILE_MAGIC, FILE_HEADER_SIZE, looksLikeEvtx, readFileHeader } from './file-header.ts';
export type { EvtxFileHeader } from './file-header.ts';
export { readChunkEvents } from './chunk-events.ts';
export type { ChunkTally } from './chunk-events.ts';
