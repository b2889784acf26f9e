import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { SourceBatch, SourceStatus } from '../../source.ts';
import { createFileSource } from '../file-source.ts';
import type { FileEventSource } from '../file-source.ts';
import { fileSourceConfigSchema } from '../schema.ts';

type LinesBatch = Extract<SourceBatch, { kind: 'lines' }>;

const folders: string[] = [];

export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'klaxon-follow-'));
  folders.push(folder);
  return folder;
}

/** Removes the folders tempFolder() made (some hold megabytes). */
export function removeTempFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** `line 000042 ...`, padded so that a few dozen lines fill a fingerprint (1 KiB). */
export function numberedLine(n: number): string {
  return `line ${String(n).padStart(6, '0')} sshd[1234]: Failed password for root`;
}

export function numberedLines(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => numberedLine(from + i));
}

export function appendLines(path: string, from: number, to: number, ending = '\n'): void {
  appendFileSync(path, numberedLines(from, to).join(ending) + ending);
}

export interface FollowOptions {
  resumeFrom?: unknown;
  /** Stop (abort) right after this many batches, as a crash would. */
  stopAfterBatches?: number;
}

/** A file source running against real files, with a fake clock and a sleep that only yields. */
export class Following {
  readonly batches: LinesBatch[] = [];
  readonly statuses: SourceStatus[] = [];
  readonly source: FileEventSource;
  readonly done: Promise<void>;
  clock = 1_700_000_000_000;
  polls = 0;
  private failure: unknown;
  private readonly controller = new AbortController();
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;

  constructor(config: Record<string, unknown>, options: FollowOptions = {}) {
    const parsed = fileSourceConfigSchema.parse({ type: 'file', ...config });
    this.source = createFileSource('test', parsed, {
      resumeFrom: options.resumeFrom,
      now: () => this.clock,
      sleep: async () => {
        this.polls++;
        await new Promise((resolve) => setImmediate(resolve));
      },
      fetch: globalThis.fetch,
    });
    const sink = {
      deliver: async (batch: SourceBatch) => {
        if (batch.kind !== 'lines') throw new Error('the file source delivers lines');
        this.batches.push(batch);
        if (this.batches.length === options.stopAfterBatches) this.controller.abort();
        await this.gate;
      },
      status: (status: SourceStatus) => void this.statuses.push(status),
    };
    this.done = this.source.run(sink, this.controller.signal).catch((error: unknown) => {
      this.failure = error;
    });
  }

  /** Makes the next deliveries wait until `release()`, as a busy pipeline does. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.gate = undefined;
    this.openGate?.();
  }

  lines(): string[] {
    return this.batches.flatMap((batch) => batch.lines);
  }

  lastPosition(): unknown {
    return this.batches.at(-1)?.position;
  }

  lastStatus(): SourceStatus | undefined {
    return this.statuses.at(-1);
  }

  /** Polls `condition` every few ms; fails naming `what` (and the latest status) after 5 s. */
  async waitFor(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!condition()) {
      if (this.failure !== undefined) throw this.failure;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}; last status ${JSON.stringify(this.lastStatus())}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  async waitForLines(count: number): Promise<void> {
    await this.waitFor(() => this.lines().length >= count, `${count} lines (have ${this.lines().length})`);
  }

  /** Waits until the source has gone to sleep `count` more times: it had nothing new meanwhile. */
  async waitForPolls(count: number): Promise<void> {
    const target = this.polls + count;
    await this.waitFor(() => this.polls >= target, `${count} polls`);
  }

  async stop(): Promise<void> {
    this.controller.abort();
    this.release();
    await this.done;
    if (this.failure !== undefined) throw this.failure;
  }
}

/** A `follow(config)` for one test file: every source it starts is stopped after each test. */
export function followStoppedAfterEach(): (config: Record<string, unknown>) => Following {
  const running: Following[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((following) => following.stop()));
  });
  return (config) => {
    const following = new Following(config);
    running.push(following);
    return following;
  };
}
