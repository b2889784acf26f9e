import { describe, expect, it } from 'vitest';
import { collectTexts, redactMessages } from './redact-messages.ts';

describe('redactMessages', () => {
  it('replaces secrets, plain or URL-encoded, and leaves very short ones and other issues alone', () => {
    const issues = [
      { file: 'k.yaml', message: 'got `p@ss word!` and p%40ss%20word!' },
      { file: 'k.yaml', message: 'needs at least 1 item' },
    ];
    const redacted = redactMessages(issues, ['p@ss word!', '1']);
    expect(redacted.map((issue) => issue.message)).toEqual([
      'got `<secret>` and <secret>',
      'needs at least 1 item',
    ]);
    expect(redacted[1]).toBe(issues[1]);
  });
});

describe('redactMessages with hostile secrets', () => {
  it('redacts a secret with a lone surrogate, which has no URL-encoded form (found by fuzzing)', () => {
    const secret = 'abc\udfffdef';
    const issues = [{ file: 'k.yaml', message: `got ${secret} here` }];
    expect(redactMessages(issues, [secret]).map((issue) => issue.message)).toEqual(['got <secret> here']);
  });
});

describe('collectTexts', () => {
  it('collects every text and number inside lists and maps', () => {
    const texts: string[] = [];
    collectTexts({ a: 'x', b: [1, { c: 'y' }], d: true }, texts);
    expect(texts).toEqual(['x', '1', 'y']);
  });
});
