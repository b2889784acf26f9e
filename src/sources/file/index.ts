export { readLineBatches, readFirstLines } from './read-lines.ts';
export { inspectLogFile } from './open-decompressed.ts';
export { fileSource, createFileSource } from './file-source.ts';
export type { FileEventSource } from './file-source.ts';
export type { FileSourceConfig } from './schema.ts';
