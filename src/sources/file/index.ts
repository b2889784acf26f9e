export {
  readLineBatches,
  readLineBatchesWithBytes,
  readLocatedLineBatches,
  readFirstLines,
} from './read-lines.ts';
export type { LocatedLines } from './read-lines.ts';
export { inspectLogFile, CHUNK_BYTES as PLAIN_READ_BYTES } from './open-decompressed.ts';
export type { LogEncoding } from './open-decompressed.ts';
export { fileSource, createFileSource } from './file-source.ts';
export type { FileEventSource } from './file-source.ts';
export type { FileSourceConfig } from './schema.ts';
