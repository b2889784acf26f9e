import { describe, expect, it } from 'vitest';
import { splitUtf16Lines } from './split-utf16-lines.ts';

function utf16(text: string, encoding: 'utf-16le' | 'utf-16be'): Buffer {
  const little = Buffer.from(text, 'utf16le');
  return encoding === 'utf-16le' ? little : little.swap16();
}

describe('splitUtf16Lines', () => {
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const split = (text: string, maxLineBytes = 64, skipping = false) => {
      const buffer = utf16(text, encoding);
      return splitUtf16Lines(buffer, buffer.length, maxLineBytes, skipping, encoding);
    };

    it(`${encoding}: splits LF and CRLF lines, keeps empty ones, and reads every character`, () => {
      expect(split("Login failed for user 'sa'.\r\nb\n\nü 😀 ✓\n")).toEqual({
        lines: ["Login failed for user 'sa'.", 'b', '', 'ü 😀 ✓'],
        consumed: 2 * 39,
        cut: 0,
        skipping: false,
      });
    });

    it(`${encoding}: leaves an incomplete last line, and an odd last byte, for the next read`, () => {
      expect(split('a\nbc')).toMatchObject({ lines: ['a'], consumed: 4 });
      const buffer = utf16('a\nb\n', encoding);
      expect(splitUtf16Lines(buffer, 5, 64, false, encoding)).toMatchObject({ lines: ['a'], consumed: 4 });
    });

    it(`${encoding}: finds line ends only on a code unit, not in a character whose bytes hold 0x0A`, () => {
      // U+0A0A is ਊ: both its bytes are 0x0A. U+0100 and U+0A00 put 0x0A 0x00 across two units.
      expect(split('\u0a0a\u0100\u0a00x\n').lines).toEqual(['\u0a0a\u0100\u0a00x']);
    });

    it(`${encoding}: cuts a line longer than the maximum at a character, dropping the rest across reads`, () => {
      expect(split(`${'x'.repeat(40)}\nok\n`)).toMatchObject({ lines: ['x'.repeat(32), 'ok'], cut: 1 });
      // A surrogate pair is not split: the cut leaves it out whole.
      expect(split(`${'x'.repeat(31)}😀yy\n`).lines).toEqual(['x'.repeat(31)]);
      const unfinished = split('y'.repeat(40));
      expect(unfinished).toMatchObject({ lines: ['y'.repeat(32)], cut: 1, skipping: true, consumed: 80 });
      expect(split('yy\nnext\n', 64, true)).toMatchObject({ lines: ['next'], skipping: false });
    });
  }
});
