import type { EventSource, SourceBatch, SourceStatus } from '../../sources/index.ts';
import { BatchParser } from './batch-parser.ts';
import type { Logger } from './daemon-logger.ts';
import type { LivePipeline } from './live-pipeline.ts';

export interface SourceCounts {
  batches: number;
  lines: number;
  events: number;
  skipped: Record<string, number>;
}

/** One source as the daemon runs it: its latest status and what it read. */
export class RunningSource {
  status: SourceStatus = { state: 'starting' };
  /** Since when the source has been failing, while it is. */
  failingSince: number | undefined;
  readonly counts: SourceCounts = { batches: 0, lines: 0, events: 0, skipped: {} };
  /** Events read since the watcher last looked. */
  eventsSinceTick = 0;
  /** Told of every status the source reports (the daemon's component health listens). */
  onStatus: ((status: SourceStatus) => void) | undefined;
  private readonly parser: BatchParser;

  constructor(
    readonly source: EventSource,
    format: string | undefined,
    timeZone: string | undefined,
    private readonly now: () => number,
    private readonly logger?: Logger,
  ) {
    this.parser = new BatchParser(format, now, timeZone);
  }

  get name(): string {
    return this.source.name;
  }

  /** Runs the source into `pipeline` until `signal` aborts; `afterBatch` commits when there is news. */
  async run(pipeline: LivePipeline, afterBatch: () => Promise<void>, signal: AbortSignal): Promise<void> {
    await this.source.run(
      {
        deliver: async (batch: SourceBatch) => {
          const parsed = this.parser.parse(batch);
          this.counts.batches++;
          this.counts.lines += parsed.lines;
          this.counts.events += parsed.events.length;
          this.eventsSinceTick += parsed.events.length;
          for (const [reason, n] of Object.entries(parsed.skipped))
            this.counts.skipped[reason] = (this.counts.skipped[reason] ?? 0) + n;
          pipeline.push(this.name, parsed.events, parsed.times, batch.position);
          await afterBatch();
        },
        status: (status: SourceStatus) => {
          this.logChange(this.status, status);
          if (status.state === 'failing') this.failingSince ??= this.now();
          else this.failingSince = undefined;
          this.status = status;
          this.onStatus?.(status);
        },
      },
      signal,
    );
  }

  /** Once per change of state (or of the failure's words), never per batch or retry. */
  private logChange(before: SourceStatus, after: SourceStatus): void {
    if (after.state === 'failing') {
      if (before.state !== 'failing' || before.message !== after.message)
        this.logger?.warn({ source: this.name, reason: after.message }, 'source failing');
    } else if (before.state === 'failing') {
      this.logger?.info({ source: this.name, state: after.state }, 'source recovered');
    }
  }
}
