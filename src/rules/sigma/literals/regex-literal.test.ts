import { describe, expect, it } from 'vitest';
import { regexLiteral } from './regex-literal.ts';

describe('regexLiteral', () => {
  it.each([
    ['(?i)word[0-9]{3}x123', 'word'],
    ['\\\\Windows\\\\Temp\\\\[a-z]+\\.exe', '\\windows\\temp\\'],
    ['invoke-expressionX?', 'invoke-expression'],
    ['ab+cd', 'bcd'],
    ['zx{2}yw', 'xyw'],
    ['^cmd\\.exe /c (echo|type)', 'cmd.exe /c '],
    ['a.b.c', 'a'],
    ['secret(abc)?tail', 'secret'],
  ])('%s needs %j', (source, literal) => {
    expect(regexLiteral(source)).toBe(literal);
  });

  it.each([['a|bcdef'], ['\\x41BCD'], ['[abc'], ['.*']])('%s gives none', (source) => {
    expect(regexLiteral(source)).toBeUndefined();
  });
});
