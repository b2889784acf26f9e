export type {
  EventSource,
  SourceBatch,
  SourceDefinition,
  SourceDependencies,
  SourcePosition,
  SourceSink,
  SourceStatus,
} from './source.ts';
export {
  readLineBatches,
  readLocatedLineBatches,
  readLineBatchesWithBytes,
  readFirstLines,
  inspectLogFile,
  PLAIN_READ_BYTES,
} from './file/index.ts';
export type { LocatedLines, LogEncoding } from './file/index.ts';
export {
  createSyslogSource,
  syslogSource,
  type SyslogSource,
  type SyslogSourceConfig,
  type SyslogStats,
} from './syslog/index.ts';
export { createFileSource, fileSource, type FileEventSource, type FileSourceConfig } from './file/index.ts';
export { createJournalSource } from './http/index.ts';
export type { JournalSource, JournalSourceOptions } from './http/index.ts';
export { elasticsearchSource, opensearchSource } from './elasticsearch/index.ts';
export type { EsConfig, EsSecrets } from './elasticsearch/index.ts';
