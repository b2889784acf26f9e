import type { Detection, DetectionSink } from '../core/index.ts';
import type { Episode } from './episode.ts';

/**
 * Coalesces `updated` signals: an episode that matched many events in one batch (replay: in one
 * block of UPDATES_EVERY events, see DetectionEngine.feed) is reported once, with its counts as
 * they stand at the end of it. Opening and resolution are never
 * delayed; a resolution drops the pending update, since it carries the final counts itself.
 */
export class UpdateQueue {
  private readonly pending = new Map<Episode, () => Detection>();

  constructor(private readonly emit: DetectionSink) {}

  isPending(episode: Episode): boolean {
    return this.pending.has(episode);
  }

  mark(episode: Episode, build: () => Detection): void {
    this.pending.set(episode, build);
  }

  forget(episode: Episode): void {
    this.pending.delete(episode);
  }

  flush(): void {
    if (this.pending.size === 0) return;
    for (const build of this.pending.values()) this.emit(build());
    this.pending.clear();
  }
}
