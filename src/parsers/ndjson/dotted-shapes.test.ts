import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { getField } from '../../core/index.ts';
import { isSlimEvent, materializeEvent } from '../slim-event.ts';
import { createEcsLineParser } from './create-ecs-line-parser.ts';
import { createSelectiveEcsParser } from './create-selective-ecs-parser.ts';
import { buildFieldTrie } from './field-trie.ts';
import { rawSelection } from './dotted-shapes.ts';

const KEYS = ['a', 'b', 'c', 'a.b', 'b.c', 'a.b.c', 'a.c', '__proto__', 'a..b', 'c.__proto__'];
const PATHS = ['a', 'b', 'c', 'a.b', 'a.c', 'b.c', 'a.b.c', 'c.a'];

type Json = string | number | Json[] | { [key: string]: Json };

const scalar = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 999 }));
const { value: json } = fc.letrec<{ value: Json; object: { [key: string]: Json } }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    tie('object'),
    fc.array(tie('value'), { maxLength: 2 }),
  ),
  object: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 }),
}));
const document = fc.dictionary(fc.constantFrom(...KEYS), json, { minKeys: 1, maxKeys: 5 });

/** The same document with other scalars of the same kinds: a line of the same shape. */
function otherValues(value: Json, seed: number): Json {
  if (typeof value === 'string') return `${value}~${seed}`;
  if (typeof value === 'number') return value + seed;
  if (Array.isArray(value)) return value.map((item) => otherValues(item, seed));
  const copy: { [key: string]: Json } = {};
  for (const key of Object.keys(value))
    Object.defineProperty(copy, key, {
      value: otherValues(value[key] as Json, seed),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy;
}

const line = (doc: { [key: string]: Json }) =>
  `{"@timestamp":"2026-03-02T10:00:00.000Z",${JSON.stringify(doc).slice(1)}`;

describe('documents with dotted keys, read selectively', () => {
  it('give the selected fields of the whole parse: collisions, scalars in the way, arrays, __proto__', () => {
    fc.assert(
      fc.property(document, fc.subarray(PATHS, { minLength: 1 }), (doc, fields) => {
        const lines = [1, 2, 3].map((seed) => line(otherValues(doc, seed) as { [key: string]: Json }));
        const parse = (parser: ReturnType<typeof createEcsLineParser>) => {
          const events: SecurityEvent[] = [];
          const skipped = lines.map((text) => parser.parseLine(text, (event) => events.push(event)));
          return { events, skipped };
        };
        const whole = parse(createEcsLineParser());
        const selective = parse(createSelectiveEcsParser({ fields }));
        expect(selective.skipped).toEqual(whole.skipped);
        for (const [index, event] of selective.events.entries()) {
          const of = whole.events[index] as SecurityEvent;
          for (const field of fields) expect(getField(event, field)).toEqual(getField(of, field));
          expect(materializeEvent(event)).toEqual(of);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('are learnt once and then read slim, with what decides their expansion', () => {
    const lines = ['ann', 'bob', 'cy'].map(
      (user) =>
        `{"@timestamp":"2026-03-02T10:00:00.000Z","user.name":"${user}","source":{"ip":"192.0.2.1","port":22},` +
        `"source.geo.city":"Oslo","event":{"code":"4625"},"event.code":"x","host.name":"h"}`,
    );
    const parser = createSelectiveEcsParser({ fields: ['user.name', 'source', 'event.code'] });
    const events: SecurityEvent[] = [];
    for (const text of lines) parser.parseLine(text, (event) => events.push(event));
    expect(events.map(isSlimEvent)).toEqual([false, true, true]);
    expect(structuredClone(events[2])).toMatchObject({
      user: { name: 'cy' },
      source: { ip: '192.0.2.1', port: 22, geo: { city: 'Oslo' } },
      // Written both ways: the nested value stays and the dotted one is kept as written.
      event: { code: '4625' },
      'event.code': 'x',
    });
    // An empty object on the way decides where a dotted key goes: a.b.c merges into it (found by
    // the property above in about one run of 35,000).
    const empty = createSelectiveEcsParser({ fields: ['a.b.c'] });
    const withEmpty = [1, 2].map(
      (n) => `{"@timestamp":"2026-03-02T10:00:00.000Z","a.b":${n},"a.b.c":"x${n}","a":{"b":{}}}`,
    );
    const read: SecurityEvent[] = [];
    for (const text of withEmpty) empty.parseLine(text, (event) => read.push(event));
    expect(read.map(isSlimEvent)).toEqual([false, true]);
    expect(read.map((event) => getField(event, 'a.b.c'))).toEqual(['x1', 'x2']);
    expect(
      rawSelection(
        JSON.parse(lines[0] as string) as Record<string, unknown>,
        buildFieldTrie(['user.name', 'source', 'event.code']),
      ),
    ).toEqual([['user.name'], ['source'], ['source.geo.city'], ['event', 'code'], ['event.code']]);
  });
});
