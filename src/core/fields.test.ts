import { describe, expect, it } from 'vitest';
import { compileFieldGetter, fieldText } from './fields.ts';

describe('compileFieldGetter', () => {
  const doc = { a: 1, b: { c: 2, d: { e: 3, f: { g: 4 } } }, arr: [1, 2] };

  it.each([
    ['a', 1],
    ['b.c', 2],
    ['b.d.e', 3],
    ['b.d.f.g', 4],
    ['missing', undefined],
    ['a.b', undefined],
    ['b.x.y', undefined],
    ['b.d.f.x', undefined],
    ['arr', [1, 2]],
  ])('reads %s', (path, expected) => {
    expect(compileFieldGetter(path)(doc)).toEqual(expected);
  });

  it('returns undefined for non-objects', () => {
    expect(compileFieldGetter('a.b')(null)).toBeUndefined();
    expect(compileFieldGetter('a')('text')).toBeUndefined();
  });

  it('reads names objects inherit only as own fields, never a function', () => {
    const owned = JSON.parse('{"b":{"constructor":"x","__proto__":{"toString":"y"}},"toJSON":1}');
    expect(compileFieldGetter('b.constructor')(owned)).toBe('x');
    expect(compileFieldGetter('b.__proto__.toString')(owned)).toBe('y');
    expect(compileFieldGetter('toJSON')(owned)).toBe(1);
    for (const path of ['constructor', 'b.c.toString', 'a.valueOf', '__proto__', 'b.hasOwnProperty'])
      expect(compileFieldGetter(path)(doc), path).toBeUndefined();
    const slim = Object.assign(Object.create({ toJSON: () => ({}) }) as object, { a: 1 });
    expect(compileFieldGetter('toJSON')(slim)).toBeUndefined();
  });
});

describe('fieldText', () => {
  it('joins arrays and drops missing values', () => {
    expect([fieldText(['a', 'b']), fieldText([]), fieldText(null), fieldText(22)]).toEqual([
      'a,b',
      undefined,
      undefined,
      '22',
    ]);
  });
});
