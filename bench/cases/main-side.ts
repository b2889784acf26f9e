// The main thread's share of a threaded replay (shipped pack, light columns) on one thread: the
// workers' answers are made first (not timed) and cloned as postMessage would, then decoded and fed
// to the engine, each opening's evidence read for its case as an in-memory replay does. Best of N
// rounds (CPU, GC pause).
import { statSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import type { Detection } from '../../src/core/index.ts';
import { createDetectionEngine } from '../../src/detection/index.ts';
import { loadRules } from '../../src/app/index.ts';
import { createRangeParser } from '../../src/app/parallel/chunk-parser.ts';
import { lightDecoder } from '../../src/app/parallel/decode-light-events.ts';
import { LightColumnWriter } from '../../src/app/parallel/light-columns.ts';
import { fieldsToKeep } from '../../src/app/parallel/light-events.ts';
import { parseRange } from '../../src/app/parallel/parse-range.ts';
import { planRanges } from '../../src/app/parallel/plan-ranges.ts';
import { LineReader } from '../../src/app/parallel/read-range-lines.ts';
import type { RangeAnswer } from '../../src/app/parallel/worker-protocol.ts';
import { caseEvidence } from '../../src/app/replay-evidence.ts';
import { PLAIN_READ_BYTES } from '../../src/sources/index.ts';
import { report } from './measure.ts';

// Arguments: file, format (default windows), rounds (default 3; the best is reported).
const [path, format = 'windows', roundsArg = '3'] = process.argv.slice(2) as [string, string?, string?];
const rules = await loadRules(undefined);
const fields = fieldsToKeep(rules) as string[];
const parser = createRangeParser(format, {}, fields);
const writer = new LightColumnWriter(fields);
const made: RangeAnswer[] = planRanges(statSync(path).size).map((range, seq) => {
  const answer = parseRange(path, { seq, ...range }, parser, PLAIN_READ_BYTES, writer);
  return { ...answer, light: writer.take().columns };
});
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

let best: { ms: number; cpuMs: number; gcMs: number; events: number; detections: number } | undefined;
for (let round = 0; round < Number(roundsArg); round++) {
  const lines = new LineReader(path);
  const decode = lightDecoder(fields, { lines, format });
  let detections = 0;
  const engine = createDetectionEngine({
    rules,
    emit: (signal: Detection) => {
      detections++;
      if (signal.state === 'opened') caseEvidence(signal.samples);
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  gcMs = 0;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  let events = 0;
  let cloneMs = 0;
  for (const madeAnswer of made) {
    // Fresh strings, as each answer's are when it crosses from a worker (the clone is not counted).
    const cloning = process.cpuUsage();
    const answer = structuredClone(madeAnswer);
    const cloned = process.cpuUsage(cloning);
    cloneMs += (cloned.user + cloned.system) / 1000;
    const batch: Parameters<typeof decode>[3] = [];
    decode(answer.light as NonNullable<RangeAnswer['light']>, 0, answer.times.length, batch);
    engine.feed(batch, answer.times as unknown as number[]);
    events += batch.length;
  }
  engine.flush();
  const cpu = process.cpuUsage(cpu0);
  await new Promise((resolve) => setTimeout(resolve, 10));
  lines.close();
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000 - cloneMs);
  if (best === undefined || cpuMs < best.cpuMs)
    best = { ms: Math.round(performance.now() - started), cpuMs, gcMs: Math.round(gcMs), events, detections };
}
if (best) report(best);
