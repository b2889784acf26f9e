import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closureFieldGetter, compileFieldGetter } from './fields.ts';
import { generatedFieldGetter } from './generated-field-getter.ts';

const NAMES = ['a', 'b', 'length', '0', 'x y', '"', "'];throw 1;//", '\u2028', ''];
const name = fc.constantFrom(...NAMES);
const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
const doc = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('object'), tie('array')),
  object: fc.dictionary(name, tie('value'), { maxKeys: 5 }),
  array: fc.array(tie('value'), { maxLength: 3 }),
})).value;

describe('generatedFieldGetter', () => {
  it('reads every path as the closures do (arrays, strings, null, odd names)', () => {
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), doc, (steps, value) => {
        const generated = generatedFieldGetter(`test:${JSON.stringify(steps)}`, steps);
        expect(generated).toBeDefined();
        expect(generated?.(value)).toEqual(closureFieldGetter(steps)(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('treats an array event as no object for one step, as an object for more', () => {
    const rows = Object.assign([{ a: 1 }], { a: 2 });
    expect(compileFieldGetter('a')(rows)).toBeUndefined();
    expect(compileFieldGetter('length')(rows)).toBeUndefined();
    expect(compileFieldGetter('0.a')(rows)).toBe(1);
    expect(compileFieldGetter('a.b')({ a: 'text' })).toBeUndefined();
  });

  it('gives one getter per path, and names with quotes stay names', () => {
    expect(compileFieldGetter('event.action')).toBe(compileFieldGetter('event.action'));
    expect(compileFieldGetter('a.");throw 1;//')({ a: { '");throw 1;//': 7 } })).toBe(7);
  });
});
