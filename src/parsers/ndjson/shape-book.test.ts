import { describe, expect, it } from 'vitest';
import { buildFieldTrie } from './field-trie.ts';
import { fillObject } from './shape-recipe.ts';
import { ShapeBook } from './shape-book.ts';
import { lineArena } from './match-bytes.ts';

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

  it('matches a line with non-ASCII values by its bytes as by its text, when a folded value fails', () => {
    const fields = buildFieldTrie(['a', 'b', 'n']);
    const threeKeys = (a: string, b: string, n: number) => `{"a":"${a}","b":"${b}","n":${n}}`;
    const inArena = (text: string): [Buffer, number, number] => {
      const arena = lineArena(text.length * 3) as Buffer;
      return [arena, 0, arena.write(text, 0, 'utf8')];
    };
    const byText = new ShapeBook(fields);
    const byBytes = new ShapeBook(fields);
    for (const book of [byText, byBytes]) book.learn(threeKeys('first', 'same', 0));
    // Enough lines with "b" unchanged for the book to fold it into a refined pattern.
    for (let i = 1; i <= 64; i++) {
      const text = threeKeys(`user${i}`, 'same', i);
      expect(byText.match(text)).toBeDefined();
      expect(byBytes.match(text, ...inArena(text))).toBeDefined();
    }
    // "ü" is two bytes: the refined pattern, matched as text, fails at "b"; the general one goes on
    // from there and must count in characters too.
    for (const [a, b] of [
      ['jürgen', 'other'],
      ['jürgen', 'same'],
      ['用户', 'other'],
    ] as const) {
      const text = threeKeys(a, b, 7);
      const shape = byBytes.match(text, ...inArena(text));
      expect(shape?.plan && fillObject({}, shape.plan, byBytes.holes)).toEqual({ a, b, n: 7 });
      expect(byText.match(text)).toBeDefined();
    }
  });
});
