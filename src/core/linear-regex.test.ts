import { describe, expect, it } from 'vitest';
import { compileLinearRegex, deferLinearRegex } from './linear-regex.ts';

const HOSTILE = `${'a'.repeat(40)}!${'x'.repeat(9)}`;

function testOf(source: string, options = {}): (text: string) => boolean {
  const regex = compileLinearRegex(source, options);
  if (!regex.ok) throw new Error(regex.message);
  return regex.test;
}

function messageOf(source: string): string {
  const regex = compileLinearRegex(source);
  return regex.ok ? '' : regex.message;
}

describe('compileLinearRegex', () => {
  it('finds a match anywhere, or only over the whole text when asked', () => {
    expect(testOf('10\\.0\\.')('110.0.0.1')).toBe(true);
    expect(testOf('10\\.0\\..*', { whole: true })('110.0.0.1')).toBe(false);
    expect(testOf('10\\.0\\..*', { whole: true })('10.0.0.1')).toBe(true);
    expect(testOf('a|b', { whole: true })('ab')).toBe(false);
  });

  it('ignores case when asked, or through an inline (?i)', () => {
    expect(testOf('root')('ROOT')).toBe(false);
    expect(testOf('root', { caseInsensitive: true })('ROOT')).toBe(true);
    expect(testOf('(?i)root')('ROOT')).toBe(true);
  });

  it.each(['(a+)+$', '(x+x+)+y', '(.*a){12}', '^(a|aa)+$', '(a*)*b'])(
    'runs %s on a hostile value in milliseconds',
    (source) => {
      const test = testOf(source, { whole: true });
      const started = performance.now();
      test(HOSTILE);
      testOf(source)(HOSTILE);
      expect(performance.now() - started).toBeLessThan(50);
    },
  );

  it.each([
    ['(a)\\1', 'backreference `\\1` is not supported'],
    ['(?<n>a)\\k<n>', 'named backreference `\\k<...>` is not supported'],
    ['foo(?=bar)', 'lookahead `(?=` is not supported'],
    ['foo(?!bar)', 'negative lookahead `(?!` is not supported'],
    ['(?<=foo)bar', 'lookbehind `(?<=` is not supported'],
    ['(?<!foo)bar', 'negative lookbehind `(?<!` is not supported'],
  ])('names the unsupported construct in %s', (source, message) => {
    expect(messageOf(source)).toContain(message);
  });

  it('does not mistake escaped or bracketed text for those constructs', () => {
    expect(testOf('\\\\1')('\\1')).toBe(true);
    expect(testOf('\\(?=x')('(=x')).toBe(true);
    expect(testOf('[(?=]+')('?=')).toBe(true);
  });

  it('explains a syntax error without the engine prefix', () => {
    expect(messageOf('[a-')).toMatch(/^missing closing \]/);
    expect(messageOf('a{2000}')).toMatch(/invalid repeat count/);
    expect(messageOf('caf\\u00e9')).toBe('invalid escape sequence: `\\u` (write \\x{00e9} for a code point)');
    expect(testOf('caf\\x{e9}')('café')).toBe(true);
  });

  it('keeps a pattern compiled once, apart for each set of flags, and still right past its bound', () => {
    const sensitive = compileLinearRegex('(?:log-?in|auth)$');
    expect(compileLinearRegex('(?:log-?in|auth)$')).toBe(sensitive);
    const insensitive = compileLinearRegex('(?:log-?in|auth)$', { caseInsensitive: true });
    const whole = compileLinearRegex('(?:log-?in|auth)$', { whole: true });
    expect(testOf('(?:log-?in|auth)$')('/LOGIN')).toBe(false);
    expect(insensitive.ok && insensitive.test('/LOGIN')).toBe(true);
    expect(whole.ok && whole.test('/login')).toBe(false);
    expect(whole.ok && whole.test('login')).toBe(true);
    for (let i = 0; i < 600; i++) expect(testOf(`^x{${i}}$`)('x'.repeat(i))).toBe(true);
    expect(messageOf('[a-')).toMatch(/^missing closing \]/);
    expect(messageOf('[a-')).toMatch(/^missing closing \]/);
  });

  it('defers a pattern checked before to its first test, with the same answers', () => {
    const texts = ['/LOGIN', '/login', 'login', HOSTILE, '', 'caf\u00e9'];
    for (const options of [{}, { caseInsensitive: true }, { whole: true }]) {
      const deferred = deferLinearRegex('(?:log-?in|auth)$', options);
      expect(texts.map(deferred)).toEqual(texts.map(testOf('(?:log-?in|auth)$', options)));
    }
    const broken = deferLinearRegex('(a)\\1');
    expect(broken('aa')).toBe(false);
  });
});
