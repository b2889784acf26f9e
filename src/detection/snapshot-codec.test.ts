import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SNAPSHOT_FORM } from '../core/index.ts';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec.ts';

/** How snapshots were encoded before: JSON.stringify with a replacer (the reference). */
function replacerEncoding(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Map) return { $map: [...item] };
    if (typeof item === 'number' && !Number.isFinite(item)) return { $num: String(item) };
    return item;
  });
}

const { state } = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.string(),
    fc.double(),
    fc.constantFrom(Infinity, -Infinity, NaN, -0, null, undefined, true),
    fc.integer(),
  ),
  state: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('state'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('state'), { maxKeys: 4 }),
    fc
      .array(fc.tuple(fc.oneof(fc.string(), fc.integer(), fc.constant(-Infinity)), tie('state')), {
        maxLength: 3,
      })
      .map((entries) => new Map(entries)),
    fc.date({ noInvalidDate: true }),
    tie('state').map((inner) => Object.assign(JSON.parse('{"__proto__":{"x":1}}') as object, { inner })),
  ),
}));

describe('engine snapshot encoding', () => {
  it('writes what JSON.stringify with the Map and number replacer wrote, and reads it back', () => {
    fc.assert(
      fc.property(state, (value) => {
        const text = encodeSnapshot({ value });
        expect(text).toBe(replacerEncoding({ value }));
        expect(encodeSnapshot(decodeSnapshot(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('writes an event that saves itself compactly in that form, without its toJSON', () => {
    let wholeParses = 0;
    const slim = {
      user: { name: 'alice' },
      toJSON: () => ++wholeParses && { user: { name: 'alice', domain: 'CORP' } },
      [SNAPSHOT_FORM]: () => ({ user: { name: 'alice' }, '|format': 'ndjson', at: -Infinity }),
    };
    const text = encodeSnapshot({ kept: new Map([['alice', [slim]]]) });
    expect(text).toBe(
      '{"kept":{"$map":[["alice",[{"user":{"name":"alice"},"|format":"ndjson","at":{"$num":"-Infinity"}}]]]}}',
    );
    expect(wholeParses).toBe(0);
  });
});
