import type { SourceDependencies } from '../../source.ts';
import { syslogSourceConfigSchema } from '../schema.ts';
import { createSyslogSource } from '../syslog-source.ts';
import type { SyslogSource } from '../syslog-source.ts';
import { cappedSleep, RecordingSink, waitUntil } from './recording-sink.ts';

export interface StartedSource {
  source: SyslogSource;
  sink: RecordingSink;
  /** Aborts the run, lets held deliveries through and waits for the run to return. */
  stop(): Promise<void>;
}

export interface RunningSource extends StartedSource {
  port: number;
}

/** Starts a syslog source from a config as written in klaxon.yaml, without waiting for it to bind. */
export function startSource(
  config: Record<string, unknown>,
  sleep: SourceDependencies['sleep'] = cappedSleep(50),
): StartedSource {
  const parsed = syslogSourceConfigSchema.parse({ type: 'syslog', ...config });
  const source = createSyslogSource('test-syslog', parsed, { sleep });
  const sink = new RecordingSink();
  const controller = new AbortController();
  const done = source.run(sink, controller.signal);
  return {
    source,
    sink,
    async stop() {
      controller.abort();
      sink.release();
      await done;
    },
  };
}

/** Starts a syslog source (see startSource) and waits until it is live. */
export async function runSource(config: Record<string, unknown>): Promise<RunningSource> {
  const started = startSource(config);
  await waitUntil(() => started.source.address() !== undefined, 'the source to bind');
  return { ...started, port: started.source.address()?.port ?? 0 };
}
