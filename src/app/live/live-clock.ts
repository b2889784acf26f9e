import type { Store } from '../../store/index.ts';
import type { LivePipeline } from './live-pipeline.ts';
import type { RunningSource } from './source-runner.ts';
import type { WatchPolicy } from './watch-sources.ts';
import { lowWatermark, watchSources } from './watch-sources.ts';

export interface LiveClockOptions {
  pipeline: LivePipeline;
  sources: readonly RunningSource[];
  store: Store;
  now: () => number;
  toleranceMs: number;
  checkpointEveryMs: number;
  watchPolicy: WatchPolicy;
  /** The http source's name and how long its journal keeps events after detection read them. */
  journal?: { name: string; retentionMs: number };
}

const JOURNAL_PRUNE_EVERY_MS = 3_600_000;

/**
 * What happens at every tick of live operation: event time advances to what all sources have
 * reached, Klaxon reports on its own sources, pending changes are committed (with a checkpoint
 * every few seconds), and the ingest journal is pruned now and then.
 */
export class LiveClock {
  private lastCheckpoint: number;
  private lastPrune: number;

  constructor(private readonly options: LiveClockOptions) {
    this.lastCheckpoint = options.now();
    this.lastPrune = options.now();
  }

  /** Returns whether anything was committed (then delivery may have work). */
  async tick(): Promise<boolean> {
    const { pipeline, sources, now } = this.options;
    const at = now();
    const low = lowWatermark(sources, at, this.options.toleranceMs);
    if (low !== undefined) {
      // Klaxon's events about itself carry the event time all sources have reached, so they
      // never push time past a source that is still catching up.
      const self = watchSources(sources, at, low, this.options.watchPolicy);
      if (self.length > 0)
        pipeline.push(
          '_self',
          self,
          self.map(() => low),
          null,
        );
      pipeline.advanceTo(low);
    }
    const checkpoint = at - this.lastCheckpoint >= this.options.checkpointEveryMs;
    const commitsBefore = pipeline.tally.commits;
    await pipeline.commit({ checkpoint });
    if (checkpoint) this.lastCheckpoint = at;
    const journal = this.options.journal;
    if (journal && at - this.lastPrune >= JOURNAL_PRUNE_EVERY_MS) {
      this.lastPrune = at;
      const through = Number(pipeline.checkpointedPosition(journal.name) ?? 0);
      await this.options.store.ingestJournal.prune(through, at - journal.retentionMs);
    }
    return pipeline.tally.commits !== commitsBefore;
  }
}
