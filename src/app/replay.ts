import type { Detection } from '../core/index.ts';
import type { EngineStats } from '../detection/index.ts';
import { createDetectionEngine } from '../detection/index.ts';
import type { Incident } from '../incidents/index.ts';
import { IncidentBook } from '../incidents/index.ts';
import type { Rule } from '../rules/index.ts';
import type { ReadCounts } from './event-stream.ts';
import { openEventStream } from './event-stream.ts';
import { mergeByTime } from './merge-by-time.ts';

export interface ReplayOptions {
  inputs: string[];
  rules: readonly Rule[];
  format?: string;
  year?: number;
  toleranceMs?: number;
  /** Sees every detection, e.g. to stream incidents as they open. */
  onDetection?: (detection: Detection, incident: Incident | undefined) => void;
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
}

/** Runs files through exactly the detection the live daemon runs, and returns the incidents. */
export async function runReplay(options: ReplayOptions): Promise<ReplayReport> {
  const rulesById = new Map(options.rules.map((rule) => [rule.id, rule]));
  const book = new IncidentBook((id) => rulesById.get(id));
  const engine = createDetectionEngine({
    rules: options.rules,
    toleranceMs: options.toleranceMs,
    emit: (detection) => {
      const incident = book.apply(detection);
      options.onDetection?.(detection, incident);
    },
  });
  const streams = [];
  for (const path of options.inputs) streams.push(await openEventStream(path, options));
  for await (const batch of mergeByTime(streams.map((stream) => stream.batches))) {
    engine.pushBatch(batch.events, batch.times);
  }
  engine.flush();
  const files = streams.map((stream) => ({
    path: stream.path,
    format: stream.format,
    counts: stream.counts,
    notes: stream.parser.notes(),
  }));
  return {
    incidents: book.list(),
    files,
    totals: sumCounts(files.map((file) => file.counts)),
    engine: engine.stats(),
  };
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
