import { createWaker } from '../../core/index.ts';
import type { Store } from '../../store/index.ts';
import type { EventSource, SourceSink } from '../source.ts';

export interface JournalSourceOptions {
  store: Store;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** The last journal id a committed checkpoint covers. */
  resumeFrom: unknown;
  /** How often to look for new batches when not woken (default 250 ms). */
  pollMs?: number;
  /** Batches read at once (default 20). */
  pageSize?: number;
}

export interface JournalSource extends EventSource {
  /** The ingest API accepted a batch: read it now rather than at the next poll. */
  wake(): void;
}

/**
 * The `http` source: the ingest API writes accepted events to the store's journal before it
 * answers, and this source reads the journal in id order, so an accepted event survives a crash
 * between the 2xx and detection. Its position is the last journal id handed on.
 */
export function createJournalSource(name: string, options: JournalSourceOptions): JournalSource {
  let lastId = typeof options.resumeFrom === 'number' ? options.resumeFrom : 0;
  const idle = createWaker();
  const pollMs = options.pollMs ?? 250;
  const pageSize = options.pageSize ?? 20;
  return {
    name,
    type: 'http',
    wake() {
      idle.wake();
    },
    async run(sink: SourceSink, signal: AbortSignal) {
      sink.status({ state: 'live' });
      while (!signal.aborted) {
        let batches;
        try {
          batches = await options.store.ingestJournal.readAfter(lastId, pageSize);
        } catch (error) {
          sink.status({
            state: 'failing',
            message: `cannot read the ingest journal: ${(error as Error).message}`,
          });
          await options.sleep(pollMs * 4, signal);
          continue;
        }
        // What arrived since the last read goes on as one batch: one commit for all of it.
        if (batches.length > 0) {
          lastId = (batches[batches.length - 1] as (typeof batches)[number]).id;
          await sink.deliver({
            kind: 'lines',
            input: 'http',
            lines: batches.flatMap((batch) => batch.eventsNdjson.split('\n')),
            position: lastId,
          });
        }
        if (batches.length === pageSize) continue;
        sink.status({ state: 'live' });
        await idle.sleep(pollMs, signal);
      }
    },
  };
}
