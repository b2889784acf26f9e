export type {
  EventSource,
  SourceBatch,
  SourceDefinition,
  SourceDependencies,
  SourcePosition,
  SourceSink,
  SourceStatus,
} from './source.ts';
export { readLineBatches, readFirstLines } from './file/index.ts';
