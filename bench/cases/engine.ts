// The detection engine alone, with the shipped pack: events are read and parsed first (as replay
// does: slim events), then only the engine (and the in-memory incident book) is timed.
// CPU time (cpuMs: all threads, mainMs: the main thread) is the steadier figure on a shared machine. Arguments: file, year ('-' for none), events (at most; default all), runs (default 3).
import type { Detection, SecurityEvent } from '../../src/core/index.ts';
import { createDetectionEngine } from '../../src/detection/index.ts';
import { IncidentBook } from '../../src/incidents/index.ts';
import { materializeEvent } from '../../src/parsers/index.ts';
import { fieldsReadByRules } from '../../src/rules/index.ts';
import { loadRules, openEventStream } from '../../src/app/index.ts';
import { readFileSync } from 'node:fs';
import { report } from './measure.ts';

const [path, year, most, runsArg] = process.argv.slice(2) as [string, string?, string?, string?];
const rules = await loadRules(undefined);
const limit = most === undefined || most === '-' ? Infinity : Number(most);
const runs = Number(runsArg ?? 3);

async function readEvents(): Promise<{ events: SecurityEvent[]; times: number[] }> {
  const stream = await openEventStream(path, {
    year: year && year !== '-' ? Number(year) : undefined,
    fields: fieldsReadByRules(rules),
    threads: 1,
  });
  const events: SecurityEvent[] = [];
  const times: number[] = [];
  for await (const batch of stream.batches) {
    for (let i = 0; i < batch.events.length && events.length < limit; i++) {
      events.push(batch.events[i] as SecurityEvent);
      times.push(batch.times[i] as number);
    }
    if (events.length >= limit) break;
  }
  return { events, times };
}

let best = Infinity;
let bestCpu = Infinity;
let bestMain = Infinity;
let detections = 0;
let incidents = 0;
let count = 0;
for (let run = 0; run < runs; run++) {
  const { events, times } = await readEvents();
  count = events.length;
  const book = new IncidentBook((id) => rules.find((rule) => rule.id === id));
  detections = 0;
  const engine = createDetectionEngine({
    rules,
    emit: (signal: Detection) => {
      detections++;
      book.apply({ ...signal, samples: signal.samples.map((event) => materializeEvent(event)) });
    },
  });
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpuMs();
  for (let at = 0; at < events.length; at += 1000)
    engine.pushBatch(events.slice(at, at + 1000), times.slice(at, at + 1000));
  engine.flush();
  best = Math.min(best, performance.now() - started);
  const cpu = process.cpuUsage(cpu0);
  bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  bestMain = Math.min(bestMain, mainThreadCpuMs() - main0);
  incidents = book.list().length;
}
report({
  ms: best,
  events: count,
  detections,
  incidents,
  cpuMs: Math.round(bestCpu),
  mainMs: bestMain,
  nsPerEvent: Math.round((best * 1e6) / count),
});

/** CPU time of the main thread alone (Linux; 10 ms steps): GC helper threads are left out. */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
