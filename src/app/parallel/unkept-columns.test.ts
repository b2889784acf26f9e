import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBenchFiles } from '../../demo/index.ts';
import type { EmitEvent, LineParser } from '../../parsers/index.ts';
import { datasetUrl } from '../../../test/support/datasets.ts';
import { loadRules } from '../load-rules.ts';
import { createRangeParser } from './chunk-parser.ts';
import type { LightColumns } from './light-columns.ts';
import { LightColumnWriter } from './light-columns.ts';
import { fieldsToKeep } from './light-events.ts';

const folder = mkdtempSync(join(tmpdir(), 'klaxon-unkept-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const DATASET = datasetUrl('windows/evtx-to-mitre-attack/jsonl/');

function datasetLines(): string[] {
  const files = readdirSync(DATASET).filter((name) => name.endsWith('.jsonl'));
  return files.flatMap((file) => readFileSync(new URL(file, DATASET), 'utf8').split('\n')).filter(Boolean);
}

/** Winlogbeat 4625 lines, each hostile variant repeated so that its shape is learnt and refined. */
function hostileLines(template: string): string[] {
  const doc = JSON.parse(template) as Record<string, unknown>;
  const text = JSON.stringify(doc);
  const variants = [
    text.replace('"event":{', '"event":{"__proto__":{"outcome":"success"},'),
    text.replace('"host":{', '"__proto__":{"x":1},"toJSON":"no","host":{"constructor":"c",'),
    text.replace(
      '"event":{',
      '"event":{"code":"4624","code":"4625","outcome":"success","outcome":"failure",',
    ),
    text.replace(
      '"host":{',
      `"deep":${'['.repeat(200)}1${']'.repeat(200)},"host":{"x":${'{"a":'.repeat(100)}1${'}'.repeat(100)},`,
    ),
    text.replace(/"DC01[^"]*"/, '"\\ud800 ü😀\\u2028\\"esc\\"\\u0000"'),
    text.replace('"event":{', '"event":{"original":"kept by the shipper",'),
    text.replace('"event":{', '"event.outcome":"dotted","event":{'),
    text.replace('"event":', '"event":7,"was":'),
    text.replace(/"@timestamp":"[^"]*"/, '"@timestamp":"never"'),
    text.replace('"source":{', '"source":{"ip":["10.0.0.1",-0,1e400],"ipx":'),
    '{"@timestamp": garbled',
    '',
  ];
  const lines: string[] = [];
  for (let round = 0; round < 80; round++)
    for (const [i, variant] of variants.entries())
      lines.push(variant.replace('"record_id":', `"record_id":${round * 100 + i},"r":`));
  return lines;
}

/** The columns of `lines` as `parse` gives their events to a writer, twice (shapes learnt the second time). */
function columnsOf(
  lines: string[],
  fields: string[],
  parse: (parser: LineParser, line: string, emit: EmitEvent) => string | null,
  format: string,
) {
  const parser = createRangeParser(format, {}, fields);
  const writer = new LightColumnWriter(fields);
  const skipped: (string | null)[] = [];
  for (const [at, line] of [...lines, ...lines].entries())
    skipped.push(parse(parser, line, (event) => writer.add(event, line, at, line.length)));
  return { columns: writer.take().columns, skipped };
}

function plain(columns: LightColumns) {
  return { ...columns, cells: [...columns.cells], ends: [...columns.ends] };
}

describe('events a worker parses for columns only (parseLineUnkept)', async () => {
  const rules = await loadRules(undefined);
  const fields = fieldsToKeep(rules) as string[];
  const { ndjson } = await generateBenchFiles(folder, { ndjsonEvents: 2_000, sshdLines: 10, seed: 11 });
  const bench = readFileSync(ndjson, 'utf8').split('\n').filter(Boolean);
  const inputs = {
    'the shipped pack on bench Winlogbeat lines': bench,
    'real Winlogbeat documents': datasetLines(),
    'hostile lines': hostileLines(bench[0] as string),
  };

  for (const format of ['windows', 'ndjson'])
    for (const [name, lines] of Object.entries(inputs))
      it(`give the very columns projected events give (${format}: ${name})`, () => {
        const unkept = (parser: LineParser, line: string, emit: EmitEvent) =>
          (parser.parseLineUnkept as LineParser['parseLine'])(line, emit);
        expect(createRangeParser(format, {}, fields).parseLineUnkept).toBeTypeOf('function');
        const fast = columnsOf(lines, fields, unkept, format);
        const slow = columnsOf(lines, fields, (parser, line, emit) => parser.parseLine(line, emit), format);
        expect(fast.skipped).toEqual(slow.skipped);
        expect(plain(fast.columns)).toStrictEqual(plain(slow.columns));
        expect(fast.columns.ends.length).toBeGreaterThan(lines.length);
      });
});
