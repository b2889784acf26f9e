import type { Detection, Incident, IncidentCase } from '../core/index.ts';
import type { EngineStats } from '../detection/index.ts';
import { createDetectionEngine, UPDATES_EVERY } from '../detection/index.ts';
import type { NoiseTally } from '../incidents/index.ts';
import { IncidentBook, IncidentRecorder, NoiseStage } from '../incidents/index.ts';
import type { NotifyStage, NotifyTally } from '../routing/index.ts';
import type { Rule } from '../rules/index.ts';
import { fieldsReadByRules } from '../rules/index.ts';
import type { Store } from '../store/index.ts';
import type { ReadCounts } from './event-stream.ts';
import { mergeByTime } from './merge-by-time.ts';
import type { ThreadsOption } from './parallel/choose-threads.ts';
import { fieldsToKeep } from './parallel/light-events.ts';
import type { ReplayCheckpoint } from './replay-checkpoint.ts';
import { loadUnfinishedReplay, readingOptions, stampInputs } from './replay-checkpoint.ts';
import { ReplayCheckpointer } from './replay-checkpointer.ts';
import { caseEvidence, wholeEvidence, withWrittenEvidence } from './replay-evidence.ts';
import { openReplayInputs } from './replay-inputs.ts';
import { casesOf, sumCounts } from './replay-results.ts';
import type { TimeOrder } from './sort-by-time.ts';

export interface ReplayOptions {
  inputs: string[];
  rules: readonly Rule[];
  format?: string | undefined;
  year?: number | undefined;
  /** The zone of times the inputs write without one (an IANA name, `local`, `+02:00`); default UTC. */
  timeZone?: string | undefined;
  toleranceMs?: number | undefined;
  /**
   * How far an event may be dated beyond the time the rest of its file has reached before later
   * events must confirm it (default 5 min); an outlier they contradict counts as `future`.
   */
  maxJumpMs?: number | undefined;
  /**
   * Persist incidents here. The replay then checkpoints (incidents, engine snapshot and input
   * positions in one transaction) every `checkpointEveryMs` (default 5 s; by default the first
   * also waits until its snapshot's estimated cost is within 2 % of the time run, see
   * firstCheckpointGap), and a replay of the same inputs that was interrupted resumes from its
   * last checkpoint.
   */
  store?: Store | undefined;
  checkpointEveryMs?: number;
  /** With a store: routes the changes noise control lets through into the outbox. */
  notify?: NotifyStage | undefined;
  /** Wall clock, for checkpoint timing. */
  now?: () => number;
  /**
   * Files up to this size whose events are out of time order are sorted whole before they are
   * merged (default DEFAULT_SORT_MAX_BYTES); others are read in file order, within the tolerance.
   */
  sortMaxBytes?: number;
  /**
   * Parse every event whole. By default a parser that can reads only the fields the rules read,
   * and an event is parsed whole when it becomes evidence; the incidents are the same.
   */
  wholeEvents?: boolean;
  /** Threads that read and parse each large file, the main thread among them (default `auto`, see chooseThreads). */
  threads?: ThreadsOption | undefined;
  /** Bytes of a file each worker task reads (default RANGE_BYTES, 4 MiB). */
  rangeBytes?: number | undefined;
  /** With worker threads: whether the main thread parses ranges rather than wait (default true). */
  mainThreadParses?: boolean | undefined;
  /** Lines parsed at a time on the main thread (see PARSE_BATCH_LINES); the results do not depend on it. */
  batchLines?: number | undefined;
  /**
   * False for a caller that shows no evidence (the CLI's table): without a store, the incidents'
   * samples are then the events the engine held, which may hold only the fields the rules read.
   */
  evidence?: boolean | undefined;
}

export interface FileReport {
  path: string;
  format: string;
  counts: ReadCounts;
  /** Events dated far beyond the rest of the file, handed on at the time of the event before them. */
  future: number;
  notes: string[];
  /** Whether the file's events were in time order, and what was done when they were not. */
  order: TimeOrder;
  /** Threads that read and parsed the file, the main thread among them (1: it alone did). */
  threads: number;
}

export interface ReplayReport {
  incidents: readonly Incident[];
  /** The cases the incidents form: one per attack. */
  cases: readonly IncidentCase[];
  files: FileReport[];
  totals: ReadCounts;
  /** Over all files: events dated far beyond the rest of their input (see FileReport). */
  future: number;
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
/**
 * Events between two moments a replay may checkpoint at: where the engine reports the episodes
 * it updated anyway (a snapshot reports them first), so checkpoints add no signals of their own.
 */
const CHECKPOINT_STEP = UPDATES_EVERY;

/** Runs files through exactly the detection the live daemon runs, and returns the incidents. */
export async function runReplay(options: ReplayOptions): Promise<ReplayReport> {
  const rulesById = new Map(options.rules.map((rule) => [rule.id, rule]));
  const factsOf = (id: string) => rulesById.get(id);
  const store = options.store;
  const resumed = store ? await loadUnfinishedReplay(store, options.inputs, options) : undefined;
  const book = new IncidentBook(factsOf, caseEvidence);
  let detections = 0;
  // Evidence made whole only for what a checkpoint writes, and not kept on the engine's events.
  const recorder = new IncidentRecorder(factsOf, { evidence: withWrittenEvidence });
  const noise = new NoiseStage((ruleId) => ({ cooldownMs: rulesById.get(ruleId)?.cooldownMs ?? 0 }));
  const engine = createDetectionEngine({
    rules: options.rules,
    toleranceMs: options.toleranceMs,
    restore: resumed?.snapshot,
    emit: (signal: Detection) => {
      detections++;
      // In memory, only an opening reads its evidence (its entities, to choose the incident's case);
      // the samples the incidents keep are made whole once, at the end, if the caller shows them.
      if (store) recorder.add(signal);
      else book.apply(signal);
    },
  });
  const wholeEvents = options.wholeEvents === true;
  const fields = wholeEvents ? undefined : fieldsReadByRules(options.rules);
  const reading = { ...options, fields, lightFields: wholeEvents ? undefined : fieldsToKeep(options.rules) };
  const inputs = await openReplayInputs(options.inputs, reading, resumed?.positions);
  const progress: ReplayCheckpoint = resumed ?? {
    version: 1,
    inputs: options.inputs,
    positions: options.inputs.map(() => 0),
    snapshot: '',
    serials: [],
    complete: false,
    // Only a store's checkpoints are resumed, and checked against them.
    ...(store ? { stamps: await stampInputs(options.inputs), reading: readingOptions(options) } : {}),
  };
  const checkpoints =
    store &&
    new ReplayCheckpointer({
      store,
      engine,
      recorder,
      noise,
      notify: options.notify,
      progress,
      toleranceMs: options.toleranceMs,
      everyMs: options.checkpointEveryMs ?? DEFAULT_CHECKPOINT_EVERY_MS,
      estimateFirst: options.checkpointEveryMs === undefined,
      now: options.now ?? Date.now,
    });
  // Event time the replay has reached: digests fall due by it, not by the wall clock.
  let eventTime = -Infinity;
  // Checkpoints fall between blocks of CHECKPOINT_STEP events, wherever the batches end, so that
  // what a replay into a store finds does not depend on how its input was cut into batches.
  let taken = progress.positions.reduce((sum, n) => sum + n, 0);
  for await (const batch of mergeByTime(inputs.map((input) => input.batches))) {
    const { events, times, source } = batch;
    for (let at = 0; at < events.length;) {
      const end = Math.min(events.length, at + CHECKPOINT_STEP - (taken % CHECKPOINT_STEP));
      engine.feed(events, times, at, end);
      for (let i = at; i < end; i++) if ((times[i] as number) > eventTime) eventTime = times[i] as number;
      progress.positions[source] = (progress.positions[source] ?? 0) + end - at;
      taken += end - at;
      at = end;
      if (taken % CHECKPOINT_STEP === 0) checkpoints?.startIfDue(eventTime);
    }
    await checkpoints?.turn();
  }
  engine.flush();
  const written = await checkpoints?.finish(eventTime);

  const files = inputs.map(({ stream, order, guard }) => ({
    path: stream.path,
    format: stream.format,
    counts: stream.counts,
    future: guard.future(),
    notes: stream.parser.notes(),
    order,
    threads: stream.threads,
  }));
  const incidents = written ?? (options.evidence === false ? book.list() : wholeEvidence(book.list()));
  const report: ReplayReport = {
    incidents,
    cases: store ? await casesOf(store, incidents) : book.cases(),
    files,
    totals: sumCounts(files.map((file) => file.counts)),
    future: files.reduce((sum, file) => sum + file.future, 0),
    engine: engine.stats(),
    detections,
  };
  if (resumed) report.resumedAfter = resumed.positions.reduce((sum, n) => sum + n, 0);
  if (store) report.notifications = noise.tally;
  if (options.notify) report.outbox = options.notify.tally;
  return report;
}
