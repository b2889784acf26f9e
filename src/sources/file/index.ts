export { readLineBatches, readFirstLines } from './read-lines.ts';
export { fileSource, createFileSource } from './file-source.ts';
export type { FileEventSource } from './file-source.ts';
export { fileSourceConfigSchema } from './schema.ts';
export type { FileSourceConfig, FileSourceSecrets } from './schema.ts';
export type { FilePosition } from './file-position.ts';
