import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputError } from '../core/index.ts';
import type { StoreOperations } from '../store/index.ts';
import { restoreSavedLines } from './restore-saved-lines.ts';

/** Where a replay into a store stands: saved with the incidents it wrote, in one transaction. */
export interface ReplayCheckpoint {
  version: 1;
  inputs: string[];
  /** Events processed from each input, by position in `inputs`. */
  positions: number[];
  /** The detection engine's snapshot at that point (JSON text; empty once complete). */
  snapshot: string;
  /** Serials of the incidents this replay opened. */
  serials: number[];
  complete: boolean;
  /**
   * Each input's size, modification time and sampled digest when the replay began: a resume refuses
   * inputs that changed since (the snapshot names lines by where they are in them). Absent from
   * older checkpoints.
   */
  stamps?: InputStamp[];
  /**
   * How the replay read its inputs: a resume refuses other options, under which the same lines
   * would give other events or other times. Absent from older checkpoints.
   */
  reading?: ReadingOptions;
}

/** The options that decide what events a replay reads from its inputs, as given (absent: not given). */
export interface ReadingOptions {
  format?: string;
  year?: number;
  timeZone?: string;
}

export interface InputStamp {
  size: number;
  mtimeMs: number;
  /**
   * A digest of blocks spread over the input, first to last byte (see sampledDigest): a rewrite of
   * the same size whose modification time was put back (`cp -p`, `touch -r`) shows, unless it
   * changed no byte of those blocks (reading whole inputs at each start and resume would take
   * seconds for large ones). Absent from older checkpoints.
   */
  sampled?: string;
}

/** Blocks an input's digest reads, evenly spread from its first byte to its last: 256 KB at most. */
const SAMPLED_BLOCKS = 16;
const SAMPLED_BLOCK_BYTES = 16 * 1024;

export async function stampInputs(inputs: readonly string[]): Promise<InputStamp[]> {
  return Promise.all(inputs.map(stampInput));
}

async function stampInput(input: string): Promise<InputStamp> {
  let file: FileHandle | undefined;
  try {
    file = await open(input, 'r');
    const { size, mtimeMs } = await file.stat();
    return { size, mtimeMs, sampled: await sampledDigest(file, size) };
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new InputError(`${input}: cannot be read${typeof code === 'string' ? ` (${code})` : ''}`);
  } finally {
    await file?.close();
  }
}

/** SHA-256 of SAMPLED_BLOCKS blocks of the file, the first at its start and the last at its end. */
async function sampledDigest(file: FileHandle, size: number): Promise<string> {
  const hash = createHash('sha256');
  const block = Buffer.alloc(SAMPLED_BLOCK_BYTES);
  const last = Math.max(0, size - SAMPLED_BLOCK_BYTES);
  for (let at = 0; at < (last === 0 ? 1 : SAMPLED_BLOCKS); at++) {
    const position = Math.floor((last * at) / (SAMPLED_BLOCKS - 1));
    const { bytesRead } = await file.read(block, 0, SAMPLED_BLOCK_BYTES, position);
    hash.update(block.subarray(0, bytesRead));
  }
  return hash.digest('hex');
}

/** One checkpoint per set of inputs, so that a second replay of other files does not resume this one. */
export function replayCheckpointName(inputs: readonly string[]): string {
  const digest = createHash('sha256')
    .update(inputs.map((input) => resolve(input)).join('\n'))
    .digest('hex');
  return `replay:${digest.slice(0, 24)}`;
}

/** The checkpoint of an interrupted replay of these inputs, if there is one to resume. */
export async function loadUnfinishedReplay(
  store: StoreOperations,
  inputs: readonly string[],
  reading: ReadingOptions,
): Promise<ReplayCheckpoint | undefined> {
  const saved = await store.checkpoints.load(replayCheckpointName(inputs));
  if (saved === undefined) return undefined;
  const checkpoint = decodeReplayCheckpoint(saved.data);
  if (checkpoint.complete || checkpoint.positions.length !== inputs.length) return undefined;
  if (checkpoint.stamps !== undefined) await refuseChanged(checkpoint.stamps, inputs);
  if (checkpoint.reading !== undefined) refuseOtherReading(checkpoint.reading, reading);
  return { ...checkpoint, snapshot: restoreSavedLines(checkpoint.snapshot, inputs) };
}

/** Resuming on a changed input would skip the wrong events and read the wrong lines as evidence. */
async function refuseChanged(stamps: readonly InputStamp[], inputs: readonly string[]): Promise<void> {
  const now = await stampInputs(inputs);
  for (const [at, input] of inputs.entries()) {
    const was = stamps[at];
    const is = now[at] as InputStamp;
    const same =
      was !== undefined &&
      was.size === is.size &&
      was.mtimeMs === is.mtimeMs &&
      (was.sampled === undefined || was.sampled === is.sampled);
    if (same) continue;
    throw new InputError(
      `${input}: changed since the interrupted replay into this store checkpointed ` +
        `(size, modification time or content differ); it cannot be resumed: restore the file, or replay into another store`,
    );
  }
}

/** The reading options as a checkpoint keeps them: only those given. */
export function readingOptions(options: ReadingOptions): ReadingOptions {
  const reading: ReadingOptions = {};
  if (options.format !== undefined) reading.format = options.format.toLowerCase();
  if (options.year !== undefined) reading.year = options.year;
  if (options.timeZone !== undefined) reading.timeZone = options.timeZone;
  return reading;
}

/** Resuming with other reading options would count the rest of the inputs' events otherwise. */
function refuseOtherReading(saved: ReadingOptions, now: ReadingOptions): void {
  const given = readingOptions(now);
  if (describeReading(saved) === describeReading(given)) return;
  throw new InputError(
    `the interrupted replay into this store read these inputs with ${describeReading(saved)}, not ` +
      `${describeReading(given)}; run it with the same options to resume it, or replay into another store`,
  );
}

function describeReading(reading: ReadingOptions): string {
  const given = [
    reading.format === undefined ? undefined : `--format ${reading.format}`,
    reading.year === undefined ? undefined : `--year ${reading.year}`,
    reading.timeZone === undefined ? undefined : `--timezone ${reading.timeZone}`,
  ].filter((option) => option !== undefined);
  return given.length === 0 ? 'no --format, --year or --timezone' : given.join(' ');
}

/**
 * Saves the checkpoint. The engine snapshot (tens of MB for a large replay) goes in as JSON, not
 * as a string escaped inside it; a complete replay is never resumed, so it keeps no snapshot.
 */
export async function saveReplayCheckpoint(
  store: StoreOperations,
  checkpoint: ReplayCheckpoint,
  at: number,
): Promise<void> {
  await store.checkpoints.save(
    replayCheckpointName(checkpoint.inputs),
    encodeReplayCheckpoint(checkpoint),
    at,
  );
}

export function encodeReplayCheckpoint(checkpoint: ReplayCheckpoint): string {
  const snapshot = checkpoint.complete || checkpoint.snapshot === '' ? 'null' : checkpoint.snapshot;
  const rest = JSON.stringify({ ...checkpoint, snapshot: undefined });
  return `{"snapshot":${snapshot},${rest.slice(1)}`;
}

/** Reads both layouts: the snapshot as JSON, or (checkpoints saved before) as a string. */
export function decodeReplayCheckpoint(data: string): ReplayCheckpoint {
  const saved = JSON.parse(data) as Omit<ReplayCheckpoint, 'snapshot'> & { snapshot: unknown };
  const { snapshot } = saved;
  return {
    ...saved,
    snapshot: typeof snapshot === 'string' ? snapshot : snapshot === null ? '' : JSON.stringify(snapshot),
  };
}
