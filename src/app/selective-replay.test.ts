import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../../test/support/datasets.ts';
import { generateBenchFiles } from '../demo/index.ts';
import { isSlimEvent } from '../parsers/index.ts';
import { PowerCut } from './testdata/power-cut.ts';
import { openStore } from '../store/index.ts';
import { parseEvidenceLine } from './line-evidence.ts';
import { loadRules } from './load-rules.ts';
import type { ReplayReport } from './replay.ts';
import { runReplay } from './replay.ts';
import { bareDocument } from '../parsers/windows/testdata/bare-document.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-selective-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pack = await loadRules(undefined);

/** Everything a replay reports, as JSON (slim evidence is written whole). */
function outcome(report: ReplayReport): unknown {
  return JSON.parse(
    JSON.stringify({
      incidents: report.incidents,
      cases: report.cases,
      totals: report.totals,
      engine: report.engine,
      detections: report.detections,
    }),
  );
}

async function bothWays(inputs: string[], format?: string): Promise<{ whole: unknown; slim: unknown }> {
  const whole = await runReplay({ inputs, rules: pack, format, wholeEvents: true });
  const slim = await runReplay({ inputs, rules: pack, format });
  // Evidence is whole in memory too, not only when written out.
  expect(slim.incidents.flatMap((incident) => incident.samples).filter(isSlimEvent)).toEqual([]);
  return { whole: outcome(whole), slim: outcome(slim) };
}

function write(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const windowsDir = join(DATASETS, 'windows/evtx-to-mitre-attack/jsonl');

describe('replay reading only the fields the rules read', () => {
  it('finds the same incidents as whole events in every Windows dataset', async () => {
    const files = readdirSync(windowsDir).filter((name) => name.endsWith('.jsonl'));
    expect(files.length).toBeGreaterThan(5);
    let incidents = 0;
    for (const file of files) {
      const { whole, slim } = await bothWays([join(windowsDir, file)], 'windows');
      expect(slim, file).toEqual(whole);
      incidents += (whole as { incidents: unknown[] }).incidents.length;
    }
    expect(incidents).toBeGreaterThan(0);
  });

  it('finds the same incidents when the Windows mapping fills the fields the rules read', async () => {
    const files = readdirSync(windowsDir).filter((name) => name.endsWith('.jsonl'));
    const lines = files.flatMap((file) => readFileSync(join(windowsDir, file), 'utf8').split('\n'));
    const { ndjson } = await generateBenchFiles(join(dir, 'bench'), { ndjsonEvents: 8_000, sshdLines: 10 });
    lines.push(...readFileSync(ndjson, 'utf8').split('\n'));
    const input = write('bare.ndjson', lines.filter((line) => line !== '').map(bareDocument));
    const { whole, slim } = await bothWays([input], 'windows');
    expect((whole as { incidents: unknown[] }).incidents.length).toBeGreaterThan(3);
    expect(slim).toEqual(whole);
  });

  it('finds the same incidents in generated Winlogbeat 4625 documents, and in the same documents as plain NDJSON', async () => {
    const { ndjson } = await generateBenchFiles(join(dir, 'bench'), { ndjsonEvents: 8_000, sshdLines: 10 });
    const windows = await bothWays([ndjson], 'windows');
    expect((windows.whole as { incidents: unknown[] }).incidents.length).toBeGreaterThan(0);
    expect(windows.slim).toEqual(windows.whole);
    const plain = await bothWays([ndjson], 'ndjson');
    expect(plain.slim).toEqual(plain.whole);
  });

  it('resumes an interrupted replay (its snapshot holds evidence whole) with the same incidents', async () => {
    const ndjson = write('steady-attack.ndjson', steadyAttack(3_000));
    const whole = await replayInto('whole.db', ndjson, true);
    // Checkpoints come at most every 50 times what the last one cost (2 % of the run), so on this clock
    // there are two: after the first batch and at the end; the cut at the second resumes from the first.
    const resumed = await replayInto('resumed.db', ndjson, false, 2);
    expect((whole as { incidents: unknown[] }).incidents.length).toBeGreaterThan(0);
    // Keys alive at the end differ after any resume, whole events too (restored windows expire
    // keys on their own schedule), and `detections` counts the last run's; all it found is the same.
    const withoutKeys = (found: unknown) => ({
      ...(found as object),
      detections: 0,
      engine: { ...(found as { engine: object }).engine, keysAlive: 0 },
    });
    expect(withoutKeys(resumed)).toEqual(withoutKeys(whole));
  });

  it('counts and skips damaged lines of a learnt shape as JSON.parse does', async () => {
    const { ndjson } = await generateBenchFiles(join(dir, 'bench'), { ndjsonEvents: 8_000, sshdLines: 10 });
    const lines = readFileSync(ndjson, 'utf8').split('\n').slice(0, 3_000);
    const damaged = lines.map((line, i) => (i > 100 && i % 7 === 0 ? damage(line, i) : line));
    const { whole, slim } = await bothWays([write('damaged.ndjson', damaged)], 'windows');
    expect(slim).toEqual(whole);
    const skipped = (whole as { totals: { skipped: Record<string, number> } }).totals.skipped;
    expect(skipped['invalid-json']).toBeGreaterThan(100);
  });
});

/** The incidents of a replay into a new store at `db`, cut once after `cutAt` checkpoints and resumed. */
async function replayInto(db: string, input: string, wholeEvents: boolean, cutAt?: number): Promise<unknown> {
  const store = await openStore(`sqlite:${join(dir, db)}`, { evidence: parseEvidenceLine });
  try {
    let tick = 0;
    const options = { inputs: [input], rules: pack, format: 'windows', store, wholeEvents };
    const checkpointing = { checkpointEveryMs: 1, now: () => (tick += 1_000) };
    if (cutAt !== undefined) {
      const cut = runReplay({ ...options, ...checkpointing, notify: new PowerCut(cutAt) });
      await expect(cut).rejects.toThrow('power cut');
    }
    const report = await runReplay({ ...options, ...checkpointing, notify: new PowerCut(0) });
    if (cutAt !== undefined) expect(report.resumedAfter).toBeGreaterThan(0);
    return outcome(report);
  } finally {
    await store.close();
  }
}

/** One address guessing passwords every 10 s for hours: its incidents stay open across checkpoints. */
function steadyAttack(count: number): string[] {
  const start = Date.UTC(2026, 2, 2);
  const padding = 'x'.repeat(2_000); // a field no rule reads: 1 MB batches of a few hundred lines
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      '@timestamp': new Date(start + i * 10_000).toISOString(),
      event: { code: '4625', provider: 'Microsoft-Windows-Security-Auditing' },
      winlog: {
        event_id: '4625',
        event_data: { TargetUserName: `user${i % 7}`, IpAddress: '203.0.113.7', IpPort: String(40_000 + i) },
        padding,
      },
    }),
  );
}

/** One change inside a value or at the structure: some still JSON, most not. */
function damage(line: string, i: number): string {
  const name = line.indexOf('"TargetUserName":"') + 18;
  const ip = line.indexOf('"IpPort":"') + 10;
  const changes = [
    () => `${line.slice(0, name)}\\x${line.slice(name)}`, // no such escape
    () => `${line.slice(0, name)}\u0001${line.slice(name)}`, // raw control character
    () => `${line.slice(0, name)}\\u00e9\\"${line.slice(name)}`, // valid escapes
    () => `${line.slice(0, name)}\\u00g9${line.slice(name)}`, // bad hex
    () => line.replace('"record_id":', '"record_id":0').replace(/"record_id":0(\d)/, '"record_id":0$1'),
    () => line.replace(/"pid":(\d+)/, '"pid":-$1.'),
    () => line.replace(/"pid":(\d+)/, '"pid":$1e+'),
    () => line.replace(/"pid":(\d+)/, '"pid":$1.5E-3'),
    () => line.slice(0, line.length - 3),
    () => `${line.slice(0, ip)}"${line.slice(ip)}`,
    () => `${line} `,
    () => `${line}x`,
    () => `\uFEFF${line}`,
  ];
  return (changes[i % changes.length] as () => string)();
}
