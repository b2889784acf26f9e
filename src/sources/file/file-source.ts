import type { EventSource, SourceDefinition, SourceDependencies } from '../source.ts';
import { followFiles } from './follow-files.ts';
import { fileSourceConfigSchema, fileSourceSecretsSchema } from './schema.ts';
import type { FileSourceConfig, FileSourceSecrets } from './schema.ts';

/** A file source, plus what it counts for metrics. */
export interface FileEventSource extends EventSource {
  /** Lines longer than `max_line_bytes`, cut to that length, since the source was created. */
  readonly linesCut: number;
}

export function createFileSource(
  name: string,
  config: FileSourceConfig,
  dependencies: SourceDependencies,
): FileEventSource {
  const counters = { linesCut: 0 };
  const settings = {
    patterns: config.path,
    startAt: config.start_at,
    pollMs: config.poll,
    maxLineBytes: config.max_line_bytes,
  };
  return {
    name,
    type: 'file',
    get linesCut() {
      return counters.linesCut;
    },
    run: (sink, signal) => followFiles(settings, dependencies, sink, signal, counters),
  };
}

/** Follows log files through rotation, like Filebeat's filestream input. */
export const fileSource: SourceDefinition<FileSourceConfig, FileSourceSecrets> = {
  type: 'file',
  configSchema: fileSourceConfigSchema,
  secretsSchema: fileSourceSecretsSchema,
  create: (name, config, _secrets, dependencies) => createFileSource(name, config, dependencies),
};
