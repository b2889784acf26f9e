import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { datasetUrl } from '../../../test/support/datasets.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { loadRules } from '../index.ts';
import { createRangeParser } from './chunk-parser.ts';
import { lightDecoder } from './decode-light-events.ts';
import type { LightColumns } from './light-columns.ts';
import { LightColumnWriter } from './light-columns.ts';
import { fieldsToKeep } from './light-events.ts';
import { parseRange } from './parse-range.ts';
import { planRanges } from './plan-ranges.ts';
import { LineReader } from './read-range-lines.ts';
import { PLAIN_READ_BYTES } from '../../sources/index.ts';

/** An event as a tree of own keys in order, each object's prototype and each field's value. */
function form(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const keys = Reflect.ownKeys(value).filter((key) => typeof key === 'string');
  return {
    proto:
      Object.getPrototypeOf(value) === Object.prototype
        ? 'plain'
        : Object.getPrototypeOf(value)?.constructor?.name,
    fields: keys.map((key) => [key, form(Object.getOwnPropertyDescriptor(value, key)?.value)]),
  };
}

/** `columns` decoded by the generated fill and by the loop, as forms. */
function bothWays(fields: string[], columns: LightColumns, count: number, path = '/nonexistent') {
  const lines = new LineReader(path);
  const compiled: SecurityEvent[] = [];
  const loop: SecurityEvent[] = [];
  lightDecoder(fields, { lines, format: 'windows' })(columns, 0, count, compiled);
  lightDecoder(fields, { lines, format: 'windows' }, true)(columns, 0, count, loop);
  const lazy = compiled.filter(
    (event) => (event as { event?: object }).event?.constructor.name === 'LazyOriginal',
  );
  lines.close();
  return { compiled: compiled.map(form), loop: loop.map(form), lazy: lazy.length };
}

describe('compileLightFill', () => {
  it('decodes the real Windows datasets as the loop does, with the shipped pack', async () => {
    const fields = fieldsToKeep(await loadRules(undefined)) as string[];
    const dir = datasetUrl('windows/evtx-to-mitre-attack/jsonl/');
    let events = 0;
    for (const name of readdirSync(dir)) {
      const path = fileURLToPath(new URL(name, dir));
      const writer = new LightColumnWriter(fields);
      const parser = createRangeParser('windows', {}, fields);
      for (const [seq, range] of planRanges(statSync(path).size).entries()) {
        const answer = parseRange(path, { seq, ...range }, parser, PLAIN_READ_BYTES, writer);
        const { columns } = structuredClone(writer.take());
        const got = bothWays(fields, columns, answer.times.length, path);
        expect(got.compiled).toEqual(got.loop);
        events += answer.times.length;
      }
    }
    expect(events).toBe(310);
  });

  it('decodes hostile field names and values as the loop does', () => {
    const fields = [
      '@timestamp',
      '__proto__.y',
      'constructor',
      'x.__proto__',
      'x.w',
      'x.a"b\\c',
      'x.\u2028',
      'n.0',
      'n.12',
      'n.',
      'event.action',
      'event.code',
      'toString.z',
    ];
    const events = [
      JSON.parse(
        '{"@timestamp":"t","__proto__":{"y":1,"z":3},"x":{"__proto__":"leaf","w":2},"constructor":"c"}',
      ),
      { '@timestamp': 't2', x: { 'a"b\\c': 'q', '\u2028': [1, 'two'] }, n: { 0: 0, 12: -0, '': null } },
      { event: { action: 'logon', code: 4625, original: 'the line' }, toString: { z: { deep: true } } },
      { x: { w: undefined }, n: {} },
      {},
    ] as SecurityEvent[];
    const writer = new LightColumnWriter(fields);
    events.forEach((event, i) =>
      writer.add(event, i === 2 ? 'the line' : JSON.stringify(event), i * 100, 10),
    );
    const { columns } = structuredClone(writer.take());
    const got = bothWays(fields, columns, events.length);
    expect(got.compiled).toEqual(got.loop);
    expect(got.compiled[0]).toMatchObject({
      fields: [
        ['@timestamp', 't'],
        ['__proto__', { fields: [['y', 1]] }],
        ['constructor', 'c'],
        [
          'x',
          {
            fields: [
              ['__proto__', 'leaf'],
              ['w', 2],
            ],
          },
        ],
      ],
    });
    expect(got.lazy).toBe(1);
    expect(got.compiled[2]).toMatchObject({
      fields: [
        ['event', { proto: 'LazyOriginal' }],
        ['toString', {}],
      ],
    });
  });
});
