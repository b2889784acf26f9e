import { describe, expect, it } from 'vitest';
import { buildFieldTrie } from './field-trie.ts';
import { fillObject } from './shape-recipe.ts';
import { ShapeBook } from './shape-book.ts';

const line = (key: string, value: string, n: number) => `{"${key}":"${value}","n":${n},"ok":true}`;

describe('ShapeBook', () => {
  it('matches lines of a learnt shape and reads their values, folding values that never change', () => {
    const book = new ShapeBook(buildFieldTrie(['a', 'n']));
    book.learn(line('a', 'first', 1));
    for (let i = 0; i < 40; i++) {
      const shape = book.match(line('a', 'same', i));
      expect(shape?.plan && fillObject({}, shape.plan, book.holes)).toEqual({ a: 'same', n: i });
    }
    const other = book.match(line('a', 'other', -2.5e3));
    expect(other?.plan && fillObject({}, other.plan, book.holes)).toEqual({ a: 'other', n: -2500 });
    expect(book.match(line('b', 'x', 1))).toBeUndefined();
    expect(book.match(line('a', 'x', 1).replace('true', 'false'))).toBeUndefined();
    expect(book.match(line('a', 'x', 1).replace(':1,', ':01,'))).toBeUndefined();
  });

  it('stops trying once lines of new shapes far outnumber the learnt ones', () => {
    const book = new ShapeBook(buildFieldTrie(['n']));
    for (let i = 0; i < 64; i++) book.learn(line(`k${i}`, 'v', i));
    expect(book.match(line('k1', 'v', 5))).toBeDefined();
    for (let i = 0; i < 10_001; i++) expect(book.match(line(`new${i}`, 'v', i))).toBeUndefined();
    expect(book.match(line('k1', 'v', 5))).toBeUndefined();
  });
});
