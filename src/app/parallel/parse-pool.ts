import { Worker } from 'node:worker_threads';
import { InputError } from '../../core/index.ts';
import type { ByteRange } from './plan-ranges.ts';
import type { WorkerEntry } from './worker-entry.ts';
import type { ParseWorkerData, RangeAnswer, RangeTask } from './worker-protocol.ts';

/** Ranges handed out ahead of the one the reader waits for, per worker: keeps each one busy. */
const AHEAD_PER_WORKER = 2;

/**
 * Parses `ranges` of one file on `threads` worker threads and yields the answers in file order,
 * whatever order they finish in. A worker that fails (throws, exits, runs out of memory) ends the
 * read with an InputError naming the file; the workers are stopped however the reading ends.
 */
export async function* parseRanges(
  entry: WorkerEntry,
  data: ParseWorkerData,
  ranges: readonly ByteRange[],
  threads: number,
): AsyncGenerator<RangeAnswer> {
  const pool = new Pool(entry, data, threads);
  try {
    let sent = 0;
    for (let seq = 0; seq < ranges.length; seq++) {
      while (sent < ranges.length && sent < seq + threads * AHEAD_PER_WORKER) {
        pool.send({ seq: sent, ...(ranges[sent] as ByteRange) });
        sent++;
      }
      yield await pool.answer(seq);
    }
  } finally {
    await pool.stop();
  }
}

class Pool {
  private readonly workers: Worker[] = [];
  private readonly answers = new Map<number, RangeAnswer>();
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private stopping = false;

  constructor(
    entry: WorkerEntry,
    private readonly data: ParseWorkerData,
    threads: number,
  ) {
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(entry.script, { workerData: data, eval: entry.eval });
      worker.on('message', (answer: RangeAnswer) => this.settle(answer));
      worker.on('error', (error) => this.fail(error.message, error));
      worker.on('messageerror', (error) => this.fail(error.message, error));
      worker.on('exit', (code) => {
        if (!this.stopping) this.fail(`the thread stopped (exit code ${code})`);
      });
      this.workers.push(worker);
    }
  }

  send(task: RangeTask): void {
    (this.workers[task.seq % this.workers.length] as Worker).postMessage(task);
  }

  async answer(seq: number): Promise<RangeAnswer> {
    for (;;) {
      if (this.failure) throw this.failure;
      const answer = this.answers.get(seq);
      if (answer) {
        this.answers.delete(seq);
        return answer;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private settle(answer: RangeAnswer): void {
    this.answers.set(answer.seq, answer);
    this.wake?.();
  }

  private fail(why: string, cause?: unknown): void {
    this.failure ??= new InputError(`${this.data.path}: a reading thread failed: ${why}`, { cause });
    this.wake?.();
  }
}
