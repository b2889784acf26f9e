import { describe, expect, it } from 'vitest';
import { decodeMessage } from './decode-message.ts';

describe('decodeMessage', () => {
  it.each([
    ['<38>msg\n', '<38>msg'],
    ['<38>msg\r\n', '<38>msg'],
    ['<38>msg\0', '<38>msg'],
    ['<38>msg\n\n', '<38>msg'],
    ['<38>a\nb', '<38>a\nb'],
  ])('strips trailing line ends from %j', (input, expected) => {
    expect(decodeMessage(Buffer.from(input), false)).toBe(expected);
  });

  it('replaces invalid UTF-8 bytes', () => {
    const bytes = Buffer.concat([Buffer.from('user '), Buffer.from([0xff, 0xfe]), Buffer.from(' Jürgen')]);
    expect(decodeMessage(bytes, false)).toBe('user \uFFFD\uFFFD Jürgen');
  });

  it('drops a character that a cut went through', () => {
    const bytes = Buffer.from('ab✓'); // ✓ is three bytes
    expect(decodeMessage(bytes.subarray(0, 4), true)).toBe('ab');
    expect(decodeMessage(bytes.subarray(0, 3), true)).toBe('ab');
    expect(decodeMessage(bytes, true)).toBe('ab✓');
    expect(decodeMessage(Buffer.from('a😀').subarray(0, 4), true)).toBe('a');
    expect(decodeMessage(Buffer.from('a😀'), true)).toBe('a😀');
  });
});
