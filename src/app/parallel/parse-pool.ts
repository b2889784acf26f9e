import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { InputError } from '../../core/index.ts';
import type { ByteRange } from './plan-ranges.ts';
import type { WorkerEntry } from './worker-entry.ts';
import type { ParseWorkerData, RangeAnswer, RangeTask } from './worker-protocol.ts';

/**
 * Ranges given to a worker and not yet taken by the reader, at most, so that it never waits while
 * the main thread detects on one range or parses another itself. On 1M Winlogbeat documents (one
 * worker) 2, 4 and 8 ahead (counted then as ranges in flight, answers being received as they came):
 * the main thread parsed 42-54, 18-27 and 14 of 394 ranges itself, waited 0.8-1.6, 0.7 and 0.3 s,
 * and spent 8.8-9.3, 8.3-8.4 and 8.0 s of CPU; peak RSS the same (light answers are small; whole
 * events cross only with an explicit --threads).
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
  /** Ranges given to this worker whose answers the reader has not taken yet. */
  held: number;
}

type WorkerMessage = RangeAnswer | { ready: true };

/**
 * The workers and their answers. An answer stays in its worker's port, as the bytes it was sent
 * in, until the reader takes it. Received as soon as they came, answers waited on the main
 * thread's heap and some outlived its young generation: on 1M Winlogbeat documents its scavenges
 * promoted 148-172 MB, now 98-118 MB (three runs each); peak RSS 262 -> 240 MB, CPU -1.2 %, wall
 * -1.4 % (farm-bench, medians of 21 pairs).
 */
class Pool {
  private readonly members: Member[] = [];
  /** Answers received and not taken yet: the main thread's own, and any that came while it waited. */
  private readonly answers = new Map<number, RangeAnswer>();
  /** The worker each range was given to, until its answer is taken. */
  private readonly owners = new Map<number, Member>();
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
      const member: Member = { worker, answers: port1, ready: false, held: 0 };
      // No lasting 'message' listener on `port1`: its answers wait there until taken (see take).
      worker.on('message', (message: WorkerMessage) => this.settle(member, message));
      worker.on('error', (error) => this.fail(error.message, error));
      worker.on('messageerror', (error) => this.fail(error.message, error));
      worker.on('exit', (code) => {
        if (!this.stopping) this.fail(`the thread stopped (exit code ${code})`);
      });
      this.members.push(member);
    }
  }

  /**
   * Gives ready workers ranges from `next` on (up to `until`), each to the worker holding fewest;
   * the next range nobody has.
   */
  dispatch(ranges: readonly ByteRange[], next: number, until: number): number {
    this.pollReady();
    let given = next;
    while (given < Math.min(until, ranges.length)) {
      let member: Member | undefined;
      for (const candidate of this.members)
        if (
          candidate.ready &&
          candidate.held < AHEAD_PER_WORKER &&
          candidate.held < (member?.held ?? Infinity)
        )
          member = candidate;
      if (member === undefined) break;
      member.worker.postMessage({ seq: given, ...(ranges[given] as ByteRange) } satisfies RangeTask);
      member.held++;
      this.owners.set(given, member);
      given++;
    }
    return given;
  }

  /** The answer for range `seq` if it is there: kept, or sent by its worker (received only now). */
  take(seq: number): RangeAnswer | undefined {
    if (this.failure) throw this.failure;
    const owner = this.owners.get(seq);
    if (owner !== undefined && !this.answers.has(seq)) this.receive(owner, seq);
    const answer = this.answers.get(seq);
    if (answer === undefined) return undefined;
    this.answers.delete(seq);
    if (owner !== undefined) {
      this.owners.delete(seq);
      owner.held--;
    }
    return answer;
  }

  keep(answer: RangeAnswer): void {
    this.answers.set(answer.seq, answer);
  }

  /** Until a worker sends something (or fails): its message is received then. */
  async wait(): Promise<void> {
    if (this.failure) throw this.failure;
    const listeners = this.members.map((member) => {
      const listener = (message: WorkerMessage) => this.settle(member, message);
      member.answers.once('message', listener);
      return listener;
    });
    try {
      await new Promise<void>((resolve) => (this.wake = resolve));
    } finally {
      // A port without a 'message' listener stops: what it is sent waits in it (see take).
      this.members.forEach((member, index) =>
        member.answers.removeListener('message', listeners[index] as (message: WorkerMessage) => void),
      );
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const member of this.members) member.answers.close();
    await Promise.all(this.members.map((member) => member.worker.terminate()));
  }

  /** Workers whose first message (`ready`, once their modules loaded) has come. */
  private pollReady(): void {
    for (const member of this.members) {
      if (member.ready) continue;
      const got = this.receiveOne(member);
      if (got) this.settle(member, got);
    }
  }

  /** Messages from `member` up to the answer for `seq` (a worker answers its ranges in order). */
  private receive(member: Member, seq: number): void {
    for (let got = this.receiveOne(member); got; got = this.receiveOne(member)) {
      this.settle(member, got);
      if (this.answers.has(seq)) return;
    }
  }

  private receiveOne(member: Member): WorkerMessage | undefined {
    try {
      return receiveMessageOnPort(member.answers)?.message as WorkerMessage | undefined;
    } catch (error) {
      this.fail(error instanceof Error ? error.message : String(error), error);
      throw this.failure;
    }
  }

  private settle(member: Member, message: WorkerMessage): void {
    if ('ready' in message) member.ready = true;
    else this.answers.set(message.seq, message);
    this.wake?.();
  }

  private fail(why: string, cause?: unknown): void {
    this.failure ??= new InputError(`${this.data.path}: a reading thread failed: ${why}`, { cause });
    this.wake?.();
  }
}
