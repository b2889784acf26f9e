import type { Detection, Incident } from '../core/index.ts';
import type { EngineStats } from '../detection/index.ts';
import { createDetectionEngine } from '../detection/index.ts';
import type { NoiseTally } from '../incidents/index.ts';
import { IncidentBook, IncidentRecorder, NoiseStage } from '../incidents/index.ts';
import type { NotifyStage, NotifyTally } from '../routing/index.ts';
import type { Rule } from '../rules/index.ts';
import type { Store } from '../store/index.ts';
import type { ReadCounts } from './event-stream.ts';
import { openEventStream } from './event-stream.ts';
import { mergeByTime } from './merge-by-time.ts';
import type { ReplayCheckpoint } from './replay-checkpoint.ts';
import { loadUnfinishedReplay, saveReplayCheckpoint } from './replay-checkpoint.ts';

export interface ReplayOptions {
  inputs: string[];
  rules: readonly Rule[];
  format?: string | undefined;
  year?: number | undefined;
  toleranceMs?: number | undefined;
  /**
   * Persist incidents here. The replay then checkpoints (incidents, engine snapshot and input
   * positions in one transaction) every `checkpointEveryMs`, and a replay of the same inputs
   * that was interrupted resumes from its last checkpoint.
   */
  store?: Store | undefined;
  checkpointEveryMs?: number;
  /** With a store: routes the changes noise control lets through into the outbox. */
  notify?: NotifyStage | undefined;
  /** Wall clock, for checkpoint timing. */
  now?: () => number;
}

export interface FileReport {
  path: string;
  format: string;
  counts: ReadCounts;
  notes: string[];
}

export interface ReplayReport {
  incidents: readonly Incident[];
  files: FileReport[];
  totals: ReadCounts;
  engine: EngineStats;
  /** Events an interrupted earlier run had already processed, when this one resumed it. */
  resumedAfter?: number;
  /** Signals the engine emitted (opened, updated, resolved), each one an incident write or update. */
  detections: number;
  /** With a store: how many incident changes would notify, and how many noise control held back. */
  notifications?: NoiseTally;
  /** With routes: what went into the outbox. */
  outbox?: NotifyTally;
}

const DEFAULT_CHECKPOINT_EVERY_MS = 5_000;

/** Runs files through exactly the detection the live daemon runs, and returns the incidents. */
export async function runReplay(options: ReplayOptions): Promise<ReplayReport> {
  const rulesById = new Map(options.rules.map((rule) => [rule.id, rule]));
  const factsOf = (id: string) => rulesById.get(id);
  const store = options.store;
  const resumed = store ? await loadUnfinishedReplay(store, options.inputs) : undefined;
  const book = new IncidentBook(factsOf);
  let detections = 0;
  const recorder = new IncidentRecorder(factsOf);
  const noise = new NoiseStage((ruleId) => ({ cooldownMs: rulesById.get(ruleId)?.cooldownMs ?? 0 }));
  const engine = createDetectionEngine({
    rules: options.rules,
    toleranceMs: options.toleranceMs,
    restore: resumed?.snapshot,
    emit: (detection: Detection) => {
      detections++;
      if (store) recorder.add(detection);
      else book.apply(detection);
    },
  });
  const streams = [];
  for (const [source, path] of options.inputs.entries()) {
    const skipEvents = resumed?.positions[source] ?? 0;
    streams.push(
      await openEventStream(path, { format: options.format, year: options.year, source, skipEvents }),
    );
  }
  const progress: ReplayCheckpoint = resumed ?? {
    version: 1,
    inputs: options.inputs,
    positions: options.inputs.map(() => 0),
    snapshot: '',
    serials: [],
    complete: false,
  };
  const now = options.now ?? Date.now;
  const every = options.checkpointEveryMs ?? DEFAULT_CHECKPOINT_EVERY_MS;
  let lastCheckpoint = now();
  // Event time the replay has reached: digests fall due by it, not by the wall clock.
  let eventTime = -Infinity;
  const checkpoint = async (complete: boolean): Promise<void> => {
    if (!store) return;
    progress.snapshot = engine.snapshot();
    progress.complete = complete;
    await store.transaction(async (tx) => {
      const changes = await recorder.flush(tx);
      for (const change of changes)
        if (change.kind === 'opened') progress.serials.push(change.incident.serial);
      const passed = await noise.apply(changes, tx);
      await options.notify?.apply(passed, tx);
      const settled = complete ? eventTime : eventTime - (options.toleranceMs ?? 0);
      if (Number.isFinite(settled)) await options.notify?.tickDue(settled, tx);
      await saveReplayCheckpoint(tx, progress, now());
    });
    lastCheckpoint = now();
  };

  for await (const batch of mergeByTime(streams.map((stream) => stream.batches))) {
    engine.pushBatch(batch.events, batch.times);
    for (const time of batch.times) if (time > eventTime) eventTime = time;
    progress.positions[batch.source] = (progress.positions[batch.source] ?? 0) + batch.events.length;
    if (store && now() - lastCheckpoint >= every) await checkpoint(false);
  }
  engine.flush();
  await checkpoint(true);

  const files = streams.map((stream) => ({
    path: stream.path,
    format: stream.format,
    counts: stream.counts,
    notes: stream.parser.notes(),
  }));
  const report: ReplayReport = {
    incidents: store ? await incidentsOf(store, progress.serials) : book.list(),
    files,
    totals: sumCounts(files.map((file) => file.counts)),
    engine: engine.stats(),
    detections,
  };
  if (resumed) report.resumedAfter = resumed.positions.reduce((sum, n) => sum + n, 0);
  if (store) report.notifications = noise.tally;
  if (options.notify) report.outbox = options.notify.tally;
  return report;
}

async function incidentsOf(store: Store, serials: number[]): Promise<Incident[]> {
  const wanted = new Set(serials);
  const all = await store.incidents.list({ order: 'oldest' });
  return all.filter((incident) => wanted.has(incident.serial));
}

function sumCounts(all: ReadCounts[]): ReadCounts {
  const total: ReadCounts = { lines: 0, events: 0, skipped: {} };
  for (const counts of all) {
    total.lines += counts.lines;
    total.events += counts.events;
    for (const [reason, n] of Object.entries(counts.skipped))
      total.skipped[reason] = (total.skipped[reason] ?? 0) + n;
  }
  return total;
}
