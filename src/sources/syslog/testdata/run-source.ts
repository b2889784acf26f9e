import { syslogSourceConfigSchema } from '../schema.ts';
import { createSyslogSource } from '../syslog-source.ts';
import type { SyslogSource } from '../syslog-source.ts';
import { cappedSleep, RecordingSink, waitUntil } from './recording-sink.ts';

export interface RunningSource {
  source: SyslogSource;
  sink: RecordingSink;
  port: number;
  /** Aborts the run, lets held deliveries through and waits for the run to return. */
  stop(): Promise<void>;
  /** Resolves when `run` returns. */
  done: Promise<void>;
}

/** Starts a syslog source from a config as written in klaxon.yaml and waits until it is live. */
export async function runSource(config: Record<string, unknown>): Promise<RunningSource> {
  const parsed = syslogSourceConfigSchema.parse({ type: 'syslog', ...config });
  const source = createSyslogSource('test-syslog', parsed, { sleep: cappedSleep(50) });
  const sink = new RecordingSink();
  const controller = new AbortController();
  const done = source.run(sink, controller.signal);
  await waitUntil(() => source.address() !== undefined, 'the source to bind');
  const port = source.address()?.port ?? 0;
  return {
    source,
    sink,
    port,
    done,
    async stop() {
      controller.abort();
      sink.release();
      await done;
    },
  };
}
