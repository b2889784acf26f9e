import { describe, expect, it } from 'vitest';
import { compileGlobSegment, hasWildcard, unescapeSegment } from './glob-pattern.ts';

function matches(segment: string, names: string[]): string[] {
  const matcher = compileGlobSegment(segment);
  return names.filter((name) => matcher.test(name));
}

describe('compileGlobSegment', () => {
  const names = ['secure', 'secure-20240101', 'secure.1', 'secure.2', 'secure.10', '.secure', 'auth.log'];

  it('matches any run of characters with *, including none and a leading dot', () => {
    expect(matches('secure*', names)).toEqual([
      'secure',
      'secure-20240101',
      'secure.1',
      'secure.2',
      'secure.10',
    ]);
    expect(matches('*', names)).toEqual(names);
  });

  it('matches exactly one character with ?', () => {
    expect(matches('secure.?', names)).toEqual(['secure.1', 'secure.2']);
  });

  it('matches sets, ranges and negated sets with [...]', () => {
    expect(matches('secure.[12]', names)).toEqual(['secure.1', 'secure.2']);
    expect(matches('secure.[0-1]*', names)).toEqual(['secure.1', 'secure.10']);
    expect(matches('secure.[!1]', names)).toEqual(['secure.2']);
    expect(matches('secure.[^1]', names)).toEqual(['secure.2']);
    expect(matches('[]a]', [']', 'a', 'b'])).toEqual([']', 'a']);
    expect(matches('[a-]', ['a', '-', 'b'])).toEqual(['a', '-']);
  });

  it('treats regular expression characters and escaped wildcards literally', () => {
    expect(matches('a.b(c)+', ['a.b(c)+', 'axb(c)', 'a.bc'])).toEqual(['a.b(c)+']);
    expect(matches('a\\*', ['a*', 'ab'])).toEqual(['a*']);
    expect(matches('[\\]]', [']', '\\'])).toEqual([']']);
  });

  it('matches whole names only', () => {
    expect(matches('auth', ['auth.log', 'auth'])).toEqual(['auth']);
  });

  it('names the mistake in a bad pattern', () => {
    expect(() => compileGlobSegment('secure[12')).toThrow('`secure[12` has a [ without its closing ]');
    expect(() => compileGlobSegment('a[z-a]')).toThrow('reversed range z-a');
    expect(() => compileGlobSegment('a\\')).toThrow('ends in a lone \\');
  });
});

describe('hasWildcard', () => {
  it('finds unescaped wildcards only', () => {
    expect(hasWildcard('auth.log')).toBe(false);
    expect(hasWildcard('secure*')).toBe(true);
    expect(hasWildcard('a?')).toBe(true);
    expect(hasWildcard('[ab]')).toBe(true);
    expect(hasWildcard('a\\*')).toBe(false);
    expect(unescapeSegment('a\\*')).toBe('a*');
  });
});

describe('compileGlobSegment on hostile names', () => {
  it('matches many stars against a long name in linear time', () => {
    const matcher = compileGlobSegment('*a*a*a*a*a*a*a*a*a*a*b');
    const started = performance.now();
    expect(matcher.test('a'.repeat(250))).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
