import { describe, expect, it } from 'vitest';
import { buildFieldTrie } from './field-trie.ts';
import { learnShape } from './learn-shape.ts';
import type { ByteMatcher, ByteSpans } from './match-bytes.ts';
import { byteMatcher, lineArena } from './match-bytes.ts';
import type { ShapePattern } from './match-shape.ts';
import { generalPattern } from './match-shape.ts';
import { ShapeBook } from './shape-book.ts';

const TRIE = buildFieldTrie(['n', 's']);
// The last value a string: its scan loads 16 bytes from its first one, 4 before the line's end.
const LINE = '{"n":12,"s":"ab"}';
// Cut in a string whose first byte is the line's last: its scan reads 15 bytes past the line.
const CUT_STRING = '{"n":12,"s":"a';
// Cut after a number: reading where it ends reads the byte after the line.
const CUT_NUMBER = '{"n":12';

function patternOf(line: string): ShapePattern {
  return generalPattern(learnShape(line, TRIE) as NonNullable<ReturnType<typeof learnShape>>);
}

/** The longest arena the memory holds without growing: it ends as near the memory's end as any can. */
function tightestArena(): Buffer {
  const first = lineArena(1) as Buffer;
  const { buffer, byteOffset } = first;
  const memoryBytes = buffer.byteLength;
  let length = memoryBytes - byteOffset - 64;
  while ((lineArena(length + 1) as Buffer).buffer === buffer) length++;
  // That one grew the memory (by whole pages): the longest arena grows by as much.
  const grown = (lineArena(1) as Buffer).buffer.byteLength - memoryBytes;
  const arena = lineArena(length + grown) as Buffer;
  expect(arena.byteOffset).toBe(byteOffset);
  expect((lineArena(1) as Buffer).buffer.byteLength).toBe(memoryBytes + grown);
  return arena;
}

/** Matches `line` in place, its bytes copied to `bytes` at `at`: -1, or the step that failed. */
function matchAt(matcher: ByteMatcher, bytes: Uint8Array, at: number, line: string): number {
  const raw = Buffer.from(line, 'latin1');
  bytes.set(raw, at);
  const pattern = patternOf(LINE);
  const spans = matcher.spans(8) as ByteSpans;
  try {
    const begin = bytes.byteOffset + at;
    return matcher.match(matcher.tableOf(pattern), pattern.kinds.length, 0, begin, begin + raw.length, spans);
  } finally {
    matcher.release(spans);
  }
}

describe('ByteMatcher padding', () => {
  const matcher = byteMatcher() as ByteMatcher;

  it('leaves room after the last line of the tightest arena for what the matcher reads past it', () => {
    const arena = tightestArena();
    expect(matcher.addressOf(arena, 0)).toBe(arena.byteOffset);
    expect(matchAt(matcher, arena, arena.length - LINE.length, LINE)).toBe(-1);
    // Both fail at the step whose hole or literal runs past the line's end.
    expect(matchAt(matcher, arena, arena.length - CUT_STRING.length, CUT_STRING)).toBe(1);
    expect(matchAt(matcher, arena, arena.length - CUT_NUMBER.length, CUT_NUMBER)).toBe(1);
  });

  it('matches a line at the very end of the memory as text, which in place would read past it', () => {
    const memory = (lineArena(1) as Buffer).buffer;
    const atEnd = new Uint8Array(memory, memory.byteLength - LINE.length);
    atEnd.set(Buffer.from(LINE, 'latin1'));
    expect(matcher.addressOf(atEnd, 0)).toBe(-1);
    const book = new ShapeBook(TRIE);
    book.learn(LINE);
    const shape = book.match(LINE, atEnd, 0, LINE.length);
    expect(shape).toBeDefined();
    expect([book.holes.number(0), book.holes.string(1)]).toStrictEqual([12, 'ab']);
    // In place, the same line's bytes would be read past the end of the memory.
    expect(() => matchAt(matcher, atEnd, 0, LINE)).toThrow(/out of bounds/);
    for (const cut of [CUT_STRING, CUT_NUMBER])
      expect(() => matchAt(matcher, new Uint8Array(memory, memory.byteLength - cut.length), 0, cut)).toThrow(
        /out of bounds/,
      );
  });
});
