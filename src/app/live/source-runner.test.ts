import { describe, expect, it } from 'vitest';
import type { EventSource, SourceStatus } from '../../sources/index.ts';
import { createDaemonLogger } from './daemon-logger.ts';
import type { LivePipeline } from './live-pipeline.ts';
import { RunningSource } from './source-runner.ts';

/** A source that only reports the given statuses, in order, and ends. */
function reporting(statuses: SourceStatus[]): EventSource {
  return {
    name: 'winlogbeat',
    type: 'elasticsearch',
    async run(sink) {
      for (const status of statuses) sink.status(status);
    },
  };
}

describe('RunningSource logging', () => {
  it('logs a failure once per change of words, and the recovery, never each retry', async () => {
    const lines: string[] = [];
    const logger = createDaemonLogger({
      level: 'info',
      destination: { write: (line: string) => lines.push(line) },
    });
    const refused = 'cluster unreachable: ECONNREFUSED 127.0.0.1:9200';
    const source = reporting([
      { state: 'live' },
      { state: 'failing', message: refused },
      { state: 'failing', message: refused },
      { state: 'failing', message: refused },
      { state: 'failing', message: 'authentication failed (401)' },
      { state: 'catching-up' },
      { state: 'live' },
    ]);
    const running = new RunningSource(source, undefined, undefined, () => 0, logger);
    // The pipeline is never reached: the source delivers no batch.
    await running.run({} as LivePipeline, async () => {}, new AbortController().signal);
    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toMatchObject([
      { level: 'warn', msg: 'source failing', source: 'winlogbeat', reason: refused },
      { level: 'warn', msg: 'source failing', reason: 'authentication failed (401)' },
      { level: 'info', msg: 'source recovered', state: 'catching-up' },
    ]);
  });
});
