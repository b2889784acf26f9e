import type { Incident } from '../core/index.ts';
import type { DetectionEngine } from '../detection/index.ts';
import type { IncidentRecorder, NoiseStage } from '../incidents/index.ts';
import type { NotifyStage } from '../routing/index.ts';
import type { Store } from '../store/index.ts';
import type { ReplayCheckpoint } from './replay-checkpoint.ts';
import { saveReplayCheckpoint } from './replay-checkpoint.ts';

/**
 * Checkpoints may take at most this share of a replay's time: the engine's snapshot grows with
 * its state (a million keys take seconds to save), so the gap between checkpoints grows with it.
 */
const CHECKPOINT_SHARE = 0.02;
const MAX_CHECKPOINT_GAP_MS = 300_000;
/**
 * Before the first checkpoint has been timed, its cost is estimated from the keys the engine holds
 * (encoding, writing and committing the snapshot of a Winlogbeat replay took about this much per
 * key): a replay checkpoints once that estimate is within its share, not after `everyMs` whatever
 * the state (a first snapshot of tens of MB a few seconds in cost a short replay a tenth of its time).
 * 0.03 ms while snapshots held each event's line; since events read from a file are saved by where
 * their line is, encoding and writing one took 0.45 of that (bench/cases/snapshot-cost.ts on 120k
 * Winlogbeat 4625 documents into SQLite, same sitting: 361 -> 162 ms, 10.6 -> 2.0 MB).
 */
const SNAPSHOT_MS_PER_KEY = 0.015;
const MAX_FIRST_GAP_MS = 30_000;

/** How long a replay whose engine holds `keysAlive` keys runs before its first checkpoint, at least. */
export function firstCheckpointGap(keysAlive: number): number {
  return Math.min(MAX_FIRST_GAP_MS, (keysAlive * SNAPSHOT_MS_PER_KEY) / CHECKPOINT_SHARE);
}

export interface CheckpointParts {
  store: Store;
  engine: DetectionEngine;
  recorder: IncidentRecorder;
  noise: NoiseStage;
  notify?: NotifyStage | undefined;
  /** Where the replay stands: its positions move on as it reads, its serials grow at each commit. */
  progress: ReplayCheckpoint;
  toleranceMs?: number | undefined;
  everyMs: number;
  /** Whether the first checkpoint also waits for its estimated cost to be within the share (see SNAPSHOT_MS_PER_KEY). */
  estimateFirst?: boolean | undefined;
  now: () => number;
}

/**
 * Checkpoints a replay into a store: the incidents its detections changed, the engine's snapshot
 * and the input positions, in one transaction. What a checkpoint saves is taken at once (snapshot,
 * positions, pending detections); its transaction then runs while the replay reads on, so the
 * store's round trips overlap parsing and detection. One at a time; a crash before a commit
 * resumes from the checkpoint before, and the replay stops at the first that fails.
 */
export class ReplayCheckpointer {
  private inFlight: Promise<void> | undefined;
  private failure: { error: unknown } | undefined;
  private last: number;
  private gap: number;
  private timed = false;

  constructor(private readonly parts: CheckpointParts) {
    this.last = parts.now();
    this.gap = parts.everyMs;
  }

  /** Starts a checkpoint if one is due and none is running. `eventTime`: how far the replay got. */
  startIfDue(eventTime: number): void {
    if (this.failure) throw this.failure.error;
    if (this.inFlight !== undefined) return;
    const waited = this.parts.now() - this.last;
    if (waited < this.gap) return;
    if (
      !this.timed &&
      this.parts.estimateFirst &&
      waited < firstCheckpointGap(this.parts.engine.stats().keysAlive)
    )
      return;
    this.inFlight = this.save(false, eventTime).then(
      () => (this.inFlight = undefined),
      (error: unknown) => {
        this.failure = { error };
        this.inFlight = undefined;
      },
    );
  }

  /**
   * While a checkpoint runs: one turn of the event loop, so that its round trips go on (batches
   * already read would otherwise follow one another without the store's replies being read).
   */
  turn(): Promise<void> | undefined {
    return this.inFlight && new Promise((resolve) => setImmediate(resolve));
  }

  /**
   * The last checkpoint, after the running one: the replay is complete. Returns the incidents the
   * replay opened (by serial, see IncidentRepository.bySerials), read in its transaction.
   */
  async finish(eventTime: number): Promise<Incident[]> {
    await this.inFlight;
    if (this.failure) throw this.failure.error;
    return (await this.save(true, eventTime)) ?? [];
  }

  private async save(complete: boolean, eventTime: number): Promise<Incident[] | undefined> {
    const { store, engine, recorder, noise, notify, progress, now } = this.parts;
    const began = now();
    // A complete replay is never resumed: it needs no snapshot (tens of MB to encode and write).
    const snapshot = complete ? '' : engine.snapshot();
    const saved: ReplayCheckpoint = { ...progress, positions: [...progress.positions], snapshot, complete };
    const detections = recorder.take();
    const incidents = await store.transaction(async (tx) => {
      const changes = await recorder.flush(tx, {}, detections);
      for (const change of changes)
        if (change.kind === 'opened') progress.serials.push(change.incident.serial);
      saved.serials = [...progress.serials];
      const passed = await noise.apply(changes, tx);
      await notify?.apply(passed, tx);
      const settled = complete ? eventTime : eventTime - (this.parts.toleranceMs ?? 0);
      if (Number.isFinite(settled)) await notify?.tickDue(settled, tx);
      await saveReplayCheckpoint(tx, saved, now());
      return complete ? tx.incidents.bySerials(saved.serials) : undefined;
    });
    this.last = now();
    this.timed = true;
    const took = this.last - began;
    this.gap = Math.max(this.parts.everyMs, Math.min(MAX_CHECKPOINT_GAP_MS, took / CHECKPOINT_SHARE));
    return incidents;
  }
}
