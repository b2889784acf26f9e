import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetUrl } from '../../test/support/datasets.ts';
import { generateBenchFiles } from '../demo/index.ts';
import { openStore } from '../store/index.ts';
import { loadRules } from './load-rules.ts';
import type { ReplayOptions, ReplayReport } from './replay.ts';
import { runReplay } from './replay.ts';
import { PowerCut } from './testdata/power-cut.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-batching-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pack = await loadRules(undefined);
/** From one line at a time to whole reads (1 MiB of lines), and sizes that end batches anywhere. */
const BATCH_LINES = [1, 37, 512, 4_099, 1_000_000];

function outcome(report: ReplayReport): unknown {
  const { incidents, cases, totals, engine, detections, files } = report;
  return JSON.parse(JSON.stringify({ incidents, cases, totals, engine, detections, files }));
}

/** A generated auth.log dense enough that episodes are updated across many blocks of events. */
async function denseAuthLog(): Promise<string> {
  const { authLog } = await generateBenchFiles(join(dir, 'bench'), {
    ndjsonEvents: 10,
    sshdLines: 30_000,
    seed: 7,
  });
  const lines = readFileSync(authLog, 'utf8').split('\n');
  // Damaged and foreign lines among them: skipped and counted the same however they are cut.
  const hostile = lines.map((line, i) => (i % 997 === 5 ? line.slice(0, i % 40) : line));
  hostile.splice(1_000, 0, '\u0000\u0000 garbage', 'Mar  4 00:00:00 host cron[1]: (root) CMD (true)');
  const path = join(dir, 'dense-auth.log');
  writeFileSync(path, hostile.join('\n'));
  return path;
}

/** The outcome of replaying `input` with each of BATCH_LINES, checked to be the same. */
async function outcomesByBatchSize(input: string, year: number): Promise<ReplayReport> {
  const outcomes = [];
  for (const batchLines of BATCH_LINES)
    outcomes.push(outcome(await runReplay({ inputs: [input], rules: pack, year, batchLines })));
  const [first, ...others] = outcomes as [ReplayReport, ...unknown[]];
  for (const other of others) expect(other, input).toEqual(first);
  return first;
}

describe('replay does not depend on how its input is cut into batches', () => {
  it('finds the same incidents and reports the same signals in sshd logs, from one line at a time to whole reads', async () => {
    const real = await outcomesByBatchSize(datasetUrl('sshd/auth.log').pathname, 2017);
    expect(real.incidents.length).toBeGreaterThan(0);
    const dense = await outcomesByBatchSize(await denseAuthLog(), 2024);
    // Episodes there are updated (more signals than openings and resolutions): where the updates
    // are reported matters.
    expect(dense.detections).toBeGreaterThan(2 * dense.incidents.length);
  });

  it('finds the same incidents into a store, checkpointing and resumed after a cut, with any batches', async () => {
    const input = await denseAuthLog();
    const small = await replayInto('small.db', { inputs: [input], batchLines: 7 });
    const large = await replayInto('large.db', { inputs: [input], batchLines: 1_000_000 });
    expect((small as { incidents: unknown[] }).incidents.length).toBeGreaterThan(0);
    expect(small).toEqual(large);
  });
});

/** A replay into a new store on a fake clock (a checkpoint whenever allowed), cut at the second (the last: the first comes after 1,024 events, then the gap grows) and resumed. */
async function replayInto(
  db: string,
  options: Partial<ReplayOptions> & { inputs: string[] },
): Promise<unknown> {
  const store = await openStore(`sqlite:${join(dir, db)}`);
  try {
    let tick = 0;
    const all = {
      rules: pack,
      year: 2024,
      store,
      checkpointEveryMs: 1,
      now: () => (tick += 1_000),
      ...options,
    };
    await expect(runReplay({ ...all, notify: new PowerCut(2) })).rejects.toThrow('power cut');
    const report = await runReplay({ ...all, notify: new PowerCut(0) });
    expect(report.resumedAfter).toBeGreaterThan(0);
    return outcome(report);
  } finally {
    await store.close();
  }
}
