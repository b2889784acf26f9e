import { describe, expect, it } from 'vitest';
import { splitLines } from './split-lines.ts';

function split(text: string, maxLineBytes = 64, skipping = false) {
  const buffer = Buffer.from(text);
  return splitLines(buffer, buffer.length, maxLineBytes, skipping);
}

describe('splitLines', () => {
  it('splits complete LF and CRLF lines and keeps empty ones', () => {
    expect(split('a\r\nb\n\nc\n')).toEqual({
      lines: ['a', 'b', '', 'c'],
      consumed: 8,
      cut: 0,
      skipping: false,
    });
  });

  it('leaves an incomplete last line for the next read', () => {
    expect(split('a\nbc')).toEqual({ lines: ['a'], consumed: 2, cut: 0, skipping: false });
    expect(split('a\nb\r')).toEqual({ lines: ['a'], consumed: 2, cut: 0, skipping: false });
  });

  it('looks only at the first `length` bytes of the buffer', () => {
    const buffer = Buffer.from('a\nb\nc\n');
    expect(splitLines(buffer, 3, 64, false)).toEqual({ lines: ['a'], consumed: 2, cut: 0, skipping: false });
  });

  it('cuts a complete line longer than the maximum and counts it', () => {
    expect(split(`${'x'.repeat(70)}\nok\n`)).toEqual({
      lines: ['x'.repeat(64), 'ok'],
      consumed: 74,
      cut: 1,
      skipping: false,
    });
  });

  it('keeps a line of exactly the maximum, CR or not', () => {
    expect(split(`${'x'.repeat(64)}\r\n`).lines).toEqual(['x'.repeat(64)]);
    expect(split(`${'x'.repeat(64)}\r`).consumed).toBe(0);
  });

  it('cuts an incomplete line once it outgrows the maximum, then drops the rest up to its newline', () => {
    const first = split('y'.repeat(70));
    expect(first).toEqual({ lines: ['y'.repeat(64)], consumed: 70, cut: 1, skipping: true });
    expect(split('yyyy', 64, true)).toEqual({ lines: [], consumed: 4, cut: 0, skipping: true });
    expect(split('yy\nnext\n', 64, true)).toEqual({ lines: ['next'], consumed: 8, cut: 0, skipping: false });
  });

  it('cuts at a character boundary', () => {
    const lines = split(`${'é'.repeat(40)}\n`).lines;
    expect(lines).toEqual(['é'.repeat(32)]);
    const odd = split(`a${'é'.repeat(40)}\n`).lines;
    expect(odd).toEqual([`a${'é'.repeat(31)}`]);
  });
});
