import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { datasetUrl } from '../../../test/support/datasets.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { generateBenchFiles } from '../../demo/index.ts';
import { loadRules } from '../load-rules.ts';
import { createRangeParser } from './chunk-parser.ts';
import { lightDecoder } from './decode-light-events.ts';
import { LightColumnWriter } from './light-columns.ts';
import { fieldsToKeep } from './light-events.ts';
import { parseRange } from './parse-range.ts';
import { planRanges } from './plan-ranges.ts';
import { LineReader } from './read-range-lines.ts';

const folder = mkdtempSync(join(tmpdir(), 'klaxon-recall-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** An event as JSON with `-0` told apart from 0 (JSON.stringify writes both as 0). */
function text(event: SecurityEvent): string {
  return JSON.stringify({ ...event }, (_, value: unknown) => (Object.is(value, -0) ? '-0' : value));
}

/** A file's events as a worker sends them (several ranges, cloned) and the main thread decodes them. */
function decoded(path: string, fields: string[], recall: boolean, rangeBytes: number) {
  const writer = new LightColumnWriter(fields, recall);
  const parser = createRangeParser('windows', {}, fields);
  const lines = new LineReader(path);
  const decode = lightDecoder(fields, { lines, format: 'windows' });
  const events: string[] = [];
  let values = 0;
  for (const [seq, range] of planRanges(readFileSync(path).length, rangeBytes).entries()) {
    parseRange(path, { seq, ...range }, parser, 1 << 20, writer);
    const { columns } = structuredClone(writer.take());
    values += columns.values.length;
    const into: SecurityEvent[] = [];
    decode(columns, 0, columns.ends.length, into);
    events.push(...into.map(text));
  }
  lines.close();
  return { events, values };
}

/** Winlogbeat lines whose user names copy, differ from, or hide in other fields, as values go hostile. */
function hostileLines(template: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const doc = JSON.parse(template) as {
      user: Record<string, unknown>;
      source: Record<string, unknown>;
      winlog: { event_data: Record<string, unknown> };
    };
    // Mostly distinct names (the column stops being looked up), a few repeated, some odd.
    const names = [`user${i}`, `user${i % 7}`, '__proto__', `\ud800 ${i}`, `${i}ü😀`.repeat(2000), `${i}`];
    const name = names[i % 9 < 3 ? i % 9 : 3 + (i % 3)] as string;
    doc.user.name = name;
    // A name that differs from the user name of the same event, or equals its address.
    doc.winlog.event_data.TargetUserName = i % 5 === 0 ? `other${i}` : name;
    if (i % 11 === 0) doc.winlog.event_data.IpAddress = doc.source.ip = name;
    lines.push(JSON.stringify(doc));
  }
  return lines;
}

describe('light columns that recall the last strings sent', async () => {
  const fields = fieldsToKeep(await loadRules(undefined)) as string[];
  const { ndjson } = await generateBenchFiles(folder, { ndjsonEvents: 3_000, sshdLines: 10, seed: 5 });
  const dataset = datasetUrl('windows/evtx-to-mitre-attack/jsonl/');
  const real = join(folder, 'real.jsonl');
  const files = readdirSync(dataset).filter((name) => name.endsWith('.jsonl'));
  writeFileSync(real, files.map((name) => readFileSync(new URL(name, dataset), 'utf8')).join('\n'));
  const hostile = join(folder, 'hostile.jsonl');
  const bench = readFileSync(ndjson, 'utf8').split('\n').filter(Boolean);
  writeFileSync(hostile, `${hostileLines(bench[0] as string).join('\n')}\n`);
  const inputs = {
    'bench Winlogbeat lines': ndjson,
    'real Windows datasets': real,
    'hostile values': hostile,
  };

  for (const [name, path] of Object.entries(inputs))
    it(`decode to the very events the writer that recalls nothing gives (${name})`, () => {
      // Ranges of 64 KiB: the writer starts afresh many times.
      const recalled = decoded(path, fields, true, 64 * 1024);
      const plain = decoded(path, fields, false, 64 * 1024);
      expect(recalled.events.length).toBeGreaterThan(300);
      expect(recalled.events).toEqual(plain.events);
      expect(recalled.values).toBeLessThanOrEqual(plain.values);
    });

  it('send a user name its event repeats in another field once', () => {
    const recalled = decoded(hostile, fields, true, 256 * 1024);
    const plain = decoded(hostile, fields, false, 256 * 1024);
    expect(plain.values - recalled.values).toBeGreaterThan(1500);
  });

  it('start each range afresh: a string sent in the range before is sent again', () => {
    const writer = new LightColumnWriter(['a', 'b']);
    const event = (a: string, b: string) => ({ a, b }) as unknown as SecurityEvent;
    // `b` never repeats: after a while it is sent one by one, and recalled as the last string sent.
    for (let i = 0; i < 1000; i++) writer.add(event('same', `b${i}`), '{}', 0, 2);
    writer.take();
    writer.add(event('b999', 'x'), '{}', 0, 2);
    writer.add(event('same', 'b999'), '{}', 0, 2);
    const { values, cells } = structuredClone(writer.take().columns);
    const cellValues = [1, 3, 5, 7].map((at) => values[(cells[at] as number) - 1]);
    expect(cellValues).toEqual(['b999', 'x', 'same', 'b999']);
  });
});
