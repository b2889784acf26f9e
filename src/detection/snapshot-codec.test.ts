import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSavedForm, SNAPSHOT_FORM } from '../core/index.ts';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec.ts';

/** How snapshots were encoded before: JSON.stringify with a replacer (the reference). */
function replacerEncoding(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Map) return { $map: [...item] };
    if (typeof item === 'number' && !Number.isFinite(item)) return { $num: String(item) };
    return item;
  });
}

/** Keys that need no escape: the old encoding wrote them as they are. */
const plainKey = fc.string().filter((key) => !key.startsWith('$') && !key.startsWith('|'));
/** Keys an event's fields may have, hostile ones among them. */
const anyKey = fc.oneof(
  fc.string(),
  fc.constantFrom('$map', '$num', '$$map', '$', '$$', '__proto__', '|format', '|line', '|lineAt', '$|format'),
);

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
    fc.dictionary(plainKey, tie('state'), { maxKeys: 4 }),
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

  it("reads back an event's own fields named like its markers as those fields, never as a Map or a number", () => {
    const { data } = fc.letrec((tie) => ({
      data: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
        fc.array(tie('data'), { maxLength: 3 }),
        fc.dictionary(anyKey, tie('data'), { maxKeys: 4 }),
      ),
    }));
    fc.assert(
      fc.property(data, (value) => {
        const saved = {
          kept: new Map([['k', value]]),
          hostile: { $map: [['a', 1]], $num: 'Infinity', $$x: value },
        };
        expect(decodeSnapshot(encodeSnapshot(saved))).toEqual(saved);
      }),
      { numRuns: 500 },
    );
    const back = decodeSnapshot(
      encodeSnapshot({ event: JSON.parse('{"__proto__":{"$map":[]}}') as object }),
    ) as {
      event: object;
    };
    expect(Object.getPrototypeOf(back.event)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(back.event, '__proto__')?.value).toEqual({ $map: [] });
  });

  it("tells a compact form from an event whose own fields are named like a compact form's markers", () => {
    const hostile = {
      '|format': 'sshd',
      '|line': 'Failed password for root',
      '|lineAt': ['/etc/passwd', 0, 9],
    };
    const compact = {
      [SNAPSHOT_FORM]: () => ({ user: { name: 'alice' }, '|format': 'ndjson', '|line': '{}' }),
    };
    const text = encodeSnapshot({ held: [hostile, compact] });
    expect(text).toContain('"$|format":"sshd"');
    expect(text).toContain('"|format":"ndjson"');
    const [back, saved] = (decodeSnapshot(text) as { held: object[] }).held as [object, object];
    expect(back).toEqual(hostile);
    expect(isSavedForm(back)).toBe(false);
    expect(saved).toEqual({ user: { name: 'alice' }, '|format': 'ndjson', '|line': '{}' });
    expect(isSavedForm(saved)).toBe(true);
    // A snapshot of an earlier build wrote its compact forms the same way: they still read back as such.
    expect(isSavedForm((decodeSnapshot('[{"|format":"ndjson","|line":"{}"}]') as object[])[0])).toBe(true);
  });
});
