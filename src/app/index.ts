export type { ReplayOptions, ReplayReport, FileReport } from './replay.ts';
export { runReplay } from './replay.ts';
export type { EventStream, ReadCounts } from './event-stream.ts';
export { openEventStream } from './event-stream.ts';
export { loadRules } from './load-rules.ts';
export { BUILTIN_RULES_DIR } from './builtin-rules.ts';
export type { ThreadsOption } from './parallel/choose-threads.ts';
