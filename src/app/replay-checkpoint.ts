import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { StoreOperations } from '../store/index.ts';

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
): Promise<ReplayCheckpoint | undefined> {
  const saved = await store.checkpoints.load(replayCheckpointName(inputs));
  if (saved === undefined) return undefined;
  const checkpoint = decodeReplayCheckpoint(saved.data);
  return checkpoint.complete || checkpoint.positions.length !== inputs.length ? undefined : checkpoint;
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
