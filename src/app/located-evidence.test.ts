import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../../test/support/datasets.ts';
import type { SecurityEvent } from '../core/index.ts';
import { evidenceOf } from '../core/index.ts';
import { generateBenchFiles } from '../demo/index.ts';
import { holdsLine, isSlimEvent, materializeEvent } from '../parsers/index.ts';
import { fieldsReadByRules } from '../rules/index.ts';
import { openEventStream } from './event-stream.ts';
import { loadRules } from './load-rules.ts';
import type { ReplayReport } from './replay.ts';
import { runReplay } from './replay.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-located-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pack = await loadRules(undefined);
const windowsDir = join(DATASETS, 'windows/evtx-to-mitre-attack/jsonl');

async function allEvents(path: string, format: string, fields?: readonly string[]): Promise<SecurityEvent[]> {
  const stream = await openEventStream(path, { format, fields, threads: 1 });
  const events: SecurityEvent[] = [];
  for await (const batch of stream.batches) events.push(...batch.events);
  return events;
}

/**
 * Each event a single-thread replay reads from `path` keeps where its line is rather than its text,
 * and what the engine keeps of it as evidence, made whole, is the event parsed whole from its line.
 */
async function expectLocatedEvidence(path: string, format: string): Promise<number> {
  const whole = await allEvents(path, format);
  const slim = await allEvents(path, format, fieldsReadByRules(pack));
  expect(slim.length).toBe(whole.length);
  let located = 0;
  slim.forEach((event, i) => {
    const expected = whole[i] as SecurityEvent;
    const kept = evidenceOf(event);
    if (isSlimEvent(event) && !holdsLine(event)) located++;
    expect(kept['@timestamp']).toBe(expected['@timestamp']);
    expect(kept.event.original).toBe(expected.event.original);
    expect(materializeEvent(kept)).toEqual(expected);
    expect(evidenceOf(event)).toBe(kept);
  });
  return located;
}

function outcome(report: ReplayReport): unknown {
  const { incidents, cases, totals, engine, detections } = report;
  return JSON.parse(JSON.stringify({ incidents, cases, totals, engine, detections }));
}

async function expectSameIncidents(inputs: string[], format: string): Promise<ReplayReport> {
  const whole = await runReplay({ inputs, rules: pack, format, wholeEvents: true });
  const single = await runReplay({ inputs, rules: pack, format, threads: 1 });
  expect(outcome(single)).toEqual(outcome(whole));
  const threaded = await runReplay({ inputs, rules: pack, format, threads: 2, rangeBytes: 64 * 1024 });
  expect(outcome(threaded)).toEqual(outcome(whole));
  return whole;
}

describe('evidence kept as where its line is in the file', () => {
  it('is the whole event, in every real Windows dataset', async () => {
    const files = readdirSync(windowsDir).filter((name) => name.endsWith('.jsonl'));
    let located = 0;
    for (const file of files) located += await expectLocatedEvidence(join(windowsDir, file), 'windows');
    // 310 lines: the first of each shape is read whole (see ShapeBook), the rest are located.
    expect(located).toBeGreaterThan(150);
    const merged = await expectSameIncidents(
      files.map((file) => join(windowsDir, file)),
      'windows',
    );
    expect(merged.incidents.length).toBeGreaterThan(0);
  });

  it('is the whole event on hostile and damaged lines (CRLF, BOM, multi-byte, own event.original), Windows and plain NDJSON', async () => {
    const path = join(dir, 'hostile.ndjson');
    writeFileSync(path, await hostileLines());
    expect(await expectLocatedEvidence(path, 'windows')).toBeGreaterThan(1_000);
    expect(await expectLocatedEvidence(path, 'ndjson')).toBeGreaterThan(1_000);
    const whole = await expectSameIncidents([path], 'windows');
    expect(whole.incidents.length).toBeGreaterThan(0);
    expect(whole.totals.skipped['invalid-json']).toBeGreaterThan(10);
    await expectSameIncidents([path], 'ndjson');
  });

  it('keeps lines whole where they cannot be read back (gzip)', async () => {
    const path = join(dir, 'hostile.ndjson.gz');
    writeFileSync(path, gzipSync(await hostileLines()));
    const events = await allEvents(path, 'windows', fieldsReadByRules(pack));
    expect(events.filter((event) => isSlimEvent(event) && !holdsLine(event))).toEqual([]);
    expect(events.filter((event) => evidenceOf(event) !== event)).toEqual([]);
    // Matched in their bytes as read (gunzipped), most lines are read slim, holding their text.
    expect(events.filter(isSlimEvent).length).toBeGreaterThan(events.length * 0.9);
    await expectSameIncidents([path], 'windows');
  });
});

/** Generated Winlogbeat documents, dense in time, with hostile values, damage and line ends of all kinds. */
async function hostileLines(): Promise<string> {
  const { ndjson } = await generateBenchFiles(join(dir, 'bench'), {
    ndjsonEvents: 4_000,
    sshdLines: 10,
    seed: 7,
  });
  const lines = readFileSync(ndjson, 'utf8').trimEnd().split('\n');
  const out = lines.flatMap((line, i) => {
    const document = JSON.parse(line) as Record<string, Record<string, Record<string, unknown>>>;
    const data = document.winlog?.event_data as Record<string, unknown>;
    const user = ['Jürgen✓日本', 'ü😀\u2028'.repeat(50), '__proto__', 'a"quoted"\\name', ''][i % 9];
    if (user !== undefined) data.TargetUserName = user;
    if (i % 17 === 0) (document.event as Record<string, unknown>).original = `own original ${i}`;
    (document as Record<string, unknown>)['@timestamp'] = new Date(
      Date.UTC(2024, 2, 4) + (i >> 1) * 1000,
    ).toISOString();
    const changed = JSON.stringify(document);
    if (i % 97 === 5) return [changed.slice(0, -3), `${changed}x`]; // cut short, trailing garbage
    if (i % 5 === 0) return [changed, changed]; // a repeated sample
    return [changed];
  });
  // A BOM first; CRLF on every third line; a blank line; a last line without newline.
  return `\uFEFF${out
    .map((line, i) => (i % 3 === 0 ? `${line}\r\n` : i === 40 ? `${line}\n\n` : `${line}\n`))
    .join('')
    .trimEnd()}`;
}
