import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { InputError } from '../../core/index.ts';
import type { ByteRange } from './plan-ranges.ts';
import type { WorkerEntry } from './worker-entry.ts';
import type { ParseWorkerData, RangeAnswer, RangeTask } from './worker-protocol.ts';

/**
 * Ranges a worker is given ahead of the one it parses, so that it never waits while the main
 * thread detects on one range or parses another itself. On 1M Winlogbeat documents (one worker)
 * 2, 4 and 8 ahead: the main thread parsed 42-54, 18-27 and 14 of 394 ranges itself, waited
 * 0.8-1.6, 0.7 and 0.3 s, and spent 8.8-9.3, 8.3-8.4 and 8.0 s of CPU; peak RSS the same (light
 * answers are small; whole events cross only with an explicit --threads).
 */
const AHEAD_PER_WORKER = 8;

/** Parses a range on the calling (main) thread, when it would otherwise wait. */
export type LocalParse = (task: RangeTask) => RangeAnswer;

/**
 * Parses `ranges` of one file on `threads` worker threads and yields the answers in file order,
 * whatever order they finish in. With `local`, the main thread parses ranges itself rather than
 * wait: while the workers start, and whenever they fall behind it (ranges held parsed ahead stay
 * within a bound, as does memory). A worker that fails (throws, exits, runs out of memory) ends the
 * read with an InputError naming the file; the workers are stopped however the reading ends.
 */
export async function* parseRanges(
  entry: WorkerEntry,
  data: ParseWorkerData,
  ranges: readonly ByteRange[],
  threads: number,
  local?: LocalParse,
): AsyncGenerator<RangeAnswer> {
  const pool = new Pool(entry, data, threads);
  const bound = threads * AHEAD_PER_WORKER + 1;
  let next = 0;
  try {
    for (let seq = 0; seq < ranges.length; seq++) {
      for (;;) {
        next = pool.dispatch(ranges, next, seq + bound);
        const answer = pool.take(seq);
        if (answer) {
          yield answer;
          break;
        }
        if (local && next < Math.min(ranges.length, seq + bound)) {
          pool.keep(local({ seq: next, ...(ranges[next] as ByteRange) }));
          next++;
        } else await pool.wait();
      }
    }
  } finally {
    await pool.stop();
  }
}

interface Member {
  worker: Worker;
  answers: MessagePort;
  ready: boolean;
  busy: number;
}

class Pool {
  private readonly members: Member[] = [];
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
      const { port1, port2 } = new MessageChannel();
      const workerData = { ...data, answers: port2 };
      const worker = new Worker(entry.script, { workerData, transferList: [port2], eval: entry.eval });
      const member: Member = { worker, answers: port1, ready: false, busy: 0 };
      port1.on('message', (message: RangeAnswer | { ready: true }) => this.settle(member, message));
      worker.on('message', (message: RangeAnswer | { ready: true }) => this.settle(member, message));
      worker.on('error', (error) => this.fail(error.message, error));
      worker.on('messageerror', (error) => this.fail(error.message, error));
      worker.on('exit', (code) => {
        if (!this.stopping) this.fail(`the thread stopped (exit code ${code})`);
      });
      this.members.push(member);
    }
  }

  /** Gives ready workers ranges from `next` on (up to `until`); the next range nobody has. */
  dispatch(ranges: readonly ByteRange[], next: number, until: number): number {
    this.poll();
    let given = next;
    for (const member of this.members) {
      while (member.ready && member.busy < AHEAD_PER_WORKER && given < Math.min(until, ranges.length)) {
        member.worker.postMessage({ seq: given, ...(ranges[given] as ByteRange) } satisfies RangeTask);
        member.busy++;
        given++;
      }
    }
    return given;
  }

  take(seq: number): RangeAnswer | undefined {
    if (this.failure) throw this.failure;
    const answer = this.answers.get(seq);
    if (answer) this.answers.delete(seq);
    return answer;
  }

  keep(answer: RangeAnswer): void {
    this.answers.set(answer.seq, answer);
  }

  async wait(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve) => (this.wake = resolve));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const member of this.members) member.answers.close();
    await Promise.all(this.members.map((member) => member.worker.terminate()));
  }

  /** Answers already sent, taken without waiting for the event loop to deliver them. */
  private poll(): void {
    for (const member of this.members) {
      for (let got = receiveMessageOnPort(member.answers); got; got = receiveMessageOnPort(member.answers))
        this.settle(member, got.message as RangeAnswer | { ready: true });
    }
  }

  private settle(member: Member, message: RangeAnswer | { ready: true }): void {
    if ('ready' in message) member.ready = true;
    else {
      member.busy--;
      this.answers.set(message.seq, message);
    }
    this.wake?.();
  }

  private fail(why: string, cause?: unknown): void {
    this.failure ??= new InputError(`${this.data.path}: a reading thread failed: ${why}`, { cause });
    this.wake?.();
  }
}
