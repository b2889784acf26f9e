import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_LIMITS } from '../../core/index.ts';
import { generateBenchFiles, generateDemoDay } from '../../demo/index.ts';
import type { Rule } from '../../rules/index.ts';
import { datasetUrl } from '../../../test/support/datasets.ts';
import { PowerCut } from '../testdata/power-cut.ts';
import { openStore } from '../../store/index.ts';
import { loadRules } from '../load-rules.ts';
import type { ReplayOptions, ReplayReport } from '../replay.ts';
import { runReplay } from '../replay.ts';

// Each file replayed by the main thread alone and by worker threads cut into many small ranges:
// the incidents (ids, keys, counts, times, evidence), cases and counts must be identical.
const windowsDir = datasetUrl('windows/evtx-to-mitre-attack/jsonl/').pathname;
const windowsFiles = readdirSync(windowsDir)
  .filter((name) => name.endsWith('.jsonl'))
  .map((name) => join(windowsDir, name));
const folder = mkdtempSync(join(tmpdir(), 'klaxon-threads-'));
let rules: Rule[];

beforeAll(async () => {
  rules = [...(await loadRules(undefined))];
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function bothWays(
  inputs: string[],
  options: Partial<ReplayOptions> = {},
  threads = 2,
): Promise<[ReplayReport, ReplayReport]> {
  const single = await runReplay({ inputs, rules, ...options, threads: 1 });
  // Only the workers parse, so that every event crosses from a worker (see mainThreadParses).
  const threaded = await runReplay({
    inputs,
    rules,
    rangeBytes: 4096,
    mainThreadParses: false,
    ...options,
    threads,
  });
  return [single, threaded];
}

function expectSameOutcome(single: ReplayReport, threaded: ReplayReport): void {
  expect(threaded.incidents).toStrictEqual(single.incidents);
  expect(threaded.cases).toStrictEqual(single.cases);
  expect(threaded.totals).toStrictEqual(single.totals);
  expect(threaded.engine).toStrictEqual(single.engine);
  expect(threaded.detections).toBe(single.detections);
  const withoutThreads = (report: ReplayReport) => report.files.map(({ threads: _, ...file }) => file);
  expect(withoutThreads(threaded)).toStrictEqual(withoutThreads(single));
}

describe('replay with worker threads', () => {
  it.each(windowsFiles.map((path) => [path.slice(windowsDir.length), path]))(
    'finds the same incidents in %s as the main thread alone',
    async (_, path) => {
      const [single, threaded] = await bothWays([path]);
      expect(threaded.files[0]?.threads).toBe(2);
      expectSameOutcome(single, threaded);
    },
  );

  it(
    'finds the same incidents in the real datasets merged into one timeline',
    { timeout: 300_000 },
    async () => {
      const [single, threaded] = await bothWays(windowsFiles);
      expect(single.incidents.length).toBeGreaterThan(10);
      expect(single.incidents.every((incident) => incident.samples.length > 0)).toBe(true);
      expectSameOutcome(single, threaded);
    },
  );

  it('finds the same incidents with three workers sharing the ranges', { timeout: 300_000 }, async () => {
    const [single, threaded] = await bothWays(windowsFiles, { rangeBytes: 2048 }, 4);
    expect(threaded.files.every((file) => file.threads === 4)).toBe(true);
    expectSameOutcome(single, threaded);
  });

  it(
    'finds the same incidents in a generated day (Winlogbeat, ECS app logs)',
    { timeout: 300_000 },
    async () => {
      const day = generateDemoDay({ seed: 11, start: new Date('2024-05-06T00:00:00Z') });
      const windows = join(folder, 'demo-windows.ndjson');
      const app = join(folder, 'demo-app.ndjson');
      writeFileSync(windows, `${day.windows.join('\n')}\n`);
      writeFileSync(app, `${day.app.join('\n')}\n`);
      for (const inputs of [[windows], [app], [windows, app]]) {
        const [single, threaded] = await bothWays(inputs, { rangeBytes: 16 * 1024 });
        expect(single.incidents.length).toBeGreaterThan(0);
        expect(threaded.files.every((file) => file.threads === 2)).toBe(true);
        expectSameOutcome(single, threaded);
      }
    },
  );

  it(
    'finds the same incidents when the main thread parses ranges too, while it would wait for the workers',
    { timeout: 300_000 },
    async () => {
      const [single, threaded] = await bothWays(windowsFiles, { mainThreadParses: true, rangeBytes: 2048 });
      expectSameOutcome(single, threaded);
    },
  );

  it('finds the same incidents in a generated Winlogbeat bench file, read in 1 MiB batches by both', async () => {
    const { ndjson } = await generateBenchFiles(folder, { ndjsonEvents: 3_000, sshdLines: 10, seed: 7 });
    for (const rangeBytes of [300_000, 2 * 1024 * 1024]) {
      const [single, threaded] = await bothWays([ndjson], { rangeBytes });
      expect(single.totals.events).toBe(3_000);
      expectSameOutcome(single, threaded);
    }
  });

  it('finds the same incidents when the fields rules read hold hostile values, and lines repeat', async () => {
    const { ndjson } = await generateBenchFiles(join(folder, 'hostile'), {
      ndjsonEvents: 2_000,
      sshdLines: 10,
      seed: 3,
    });
    const lines = readFileSync(ndjson, 'utf8').trimEnd().split('\n');
    const hostile = lines.flatMap((line, i) => {
      const document = JSON.parse(line) as Record<string, Record<string, unknown>>;
      const data = (document.winlog as Record<string, Record<string, unknown>>).event_data as Record<
        string,
        unknown
      >;
      const user = ['ü😀\u2028'.repeat(5_000), '\ud800\udc00\ud800', '__proto__', '', undefined][i % 7];
      if (user === undefined) delete data.TargetUserName;
      else if (i % 7 < 4) data.TargetUserName = user;
      if (i % 11 === 0) delete data.IpAddress;
      if (i % 13 === 0) delete document.event;
      // Dense enough in time for the pack to find attacks; two events a second.
      (document as Record<string, unknown>)['@timestamp'] = new Date(
        Date.UTC(2024, 2, 4) + (i >> 1) * 1000,
      ).toISOString();
      const changed = JSON.stringify(document);
      // The same line twice (a repeated sample), or another line at the same time.
      if (i % 5 === 0) return [changed, changed];
      if (i % 5 === 1) return [changed, JSON.stringify({ ...document, host: { name: 'twin' } })];
      return [changed];
    });
    const path = join(folder, 'hostile.ndjson');
    writeFileSync(path, `${hostile.join('\n')}\n`);
    const [single, threaded] = await bothWays([path], { rangeBytes: 64 * 1024 });
    expect(single.incidents.length).toBeGreaterThan(0);
    const evidence = JSON.stringify(single.incidents.map((incident) => incident.samples));
    expect(evidence).toContain('\\ud800');
    expect(threaded.files[0]?.threads).toBe(2);
    expectSameOutcome(single, threaded);
  });

  it('finds the same incidents into a store, checkpointing (engine snapshots) and resumed after a cut', async () => {
    const { ndjson } = await generateBenchFiles(join(folder, 'cut'), {
      ndjsonEvents: 3_000,
      sshdLines: 10,
      seed: 5,
    });
    const lines = readFileSync(ndjson, 'utf8').trimEnd().split('\n');
    const dense = lines.map((line, i) => {
      const document = JSON.parse(line) as Record<string, unknown>;
      document['@timestamp'] = new Date(Date.UTC(2024, 2, 4) + i * 500).toISOString();
      return JSON.stringify(document);
    });
    const path = join(folder, 'dense.ndjson');
    writeFileSync(path, `${dense.join('\n')}\n`);
    const single = await replayInto('single.db', { inputs: [path], threads: 1 }, 2);
    const threaded = await replayInto(
      'threaded.db',
      { inputs: [path], threads: 2, rangeBytes: 64 * 1024 },
      2,
    );
    expect((single as { incidents: unknown[] }).incidents.length).toBeGreaterThan(0);
    expect(threaded).toEqual(single);
  });

  it('counts and skips bad lines exactly as the main thread does', async () => {
    const real = readFileSync(windowsFiles[0] as string, 'utf8')
      .trimEnd()
      .split('\n');
    const deep = '['.repeat(JSON_LIMITS.maxDepth + 1) + ']'.repeat(JSON_LIMITS.maxDepth + 1);
    const bad = [
      '{"@timestamp": garbled',
      deep,
      '',
      '   ',
      '[1,2]',
      '{"event":{}}',
      '{"@timestamp":"yesterday"}',
    ];
    const lines = real.flatMap((line, i) => [line, bad[i % bad.length] as string]);
    const path = join(folder, 'bad-lines.jsonl');
    writeFileSync(path, `\uFEFF${lines.join('\r\n')}`);
    const [single, threaded] = await bothWays([path], { format: 'windows', rangeBytes: 1000 });
    expect(Object.keys(single.totals.skipped).sort()).toEqual(
      expect.arrayContaining(['invalid-json', 'too-deep', 'blank', 'not-an-object']),
    );
    expect(threaded.files[0]?.threads).toBe(2);
    expectSameOutcome(single, threaded);
  });

  it('reads sshd logs and gzip files on the main thread, whatever --threads says', async () => {
    const gz = join(folder, 'winlogbeat.jsonl.gz');
    writeFileSync(gz, gzipSync(readFileSync(windowsFiles[0] as string)));
    const auth = datasetUrl('sshd/auth.log').pathname;
    const [single, threaded] = await bothWays([gz, auth], { year: 2017 });
    expect(threaded.files.map((file) => file.threads)).toEqual([1, 1]);
    expectSameOutcome(single, threaded);
  });
});

/** The outcome of a replay into a new store, checkpointing every second of a fake clock; cut once after `cutAt` checkpoints and resumed. */
async function replayInto(
  db: string,
  options: Partial<ReplayOptions> & { inputs: string[] },
  cutAt?: number,
): Promise<unknown> {
  const store = await openStore(`sqlite:${join(folder, db)}`);
  try {
    let tick = 0;
    const all = {
      rules,
      store,
      checkpointEveryMs: 1,
      now: () => (tick += 1_000),
      mainThreadParses: false,
      ...options,
    };
    if (cutAt !== undefined)
      await expect(runReplay({ ...all, notify: new PowerCut(cutAt) })).rejects.toThrow('power cut');
    const report = await runReplay({ ...all, notify: new PowerCut(0) });
    if (cutAt !== undefined) expect(report.resumedAfter).toBeGreaterThan(0);
    const { incidents, cases, totals, engine, detections } = report;
    return JSON.parse(JSON.stringify({ incidents, cases, totals, engine, detections }));
  } finally {
    await store.close();
  }
}
