import { describe, expect, it } from 'vitest';
import { parseDotenv } from './parse-dotenv.ts';

const read = (text: string) => parseDotenv(text, '/srv/klaxon/.env');

describe('parseDotenv', () => {
  it('reads plain, exported, single- and double-quoted values and skips comments and blank lines', () => {
    const { values, issues } = read(
      [
        '# Klaxon secrets',
        '',
        'PLAIN=abc def',
        'export EXPORTED = value  # a comment',
        "SINGLE='literal \\n # not a comment'",
        'DOUBLE="tab\\there \\"quoted\\" # kept"',
        'EMPTY=',
        'HASH=abc#def',
      ].join('\n'),
    );
    expect(issues).toEqual([]);
    expect(Object.fromEntries(values)).toEqual({
      PLAIN: 'abc def',
      EXPORTED: 'value',
      SINGLE: 'literal \\n # not a comment',
      DOUBLE: 'tab\there "quoted" # kept',
      EMPTY: '',
      HASH: 'abc#def',
    });
  });

  it('reads a quoted value over several lines and goes on after it', () => {
    const { values } = read('KEY="-----BEGIN X-----\nline two\n-----END X-----"\nNEXT=1\r\n');
    expect(values.get('KEY')).toBe('-----BEGIN X-----\nline two\n-----END X-----');
    expect(values.get('NEXT')).toBe('1');
  });

  it('lets a later line override an earlier one', () => {
    expect(read('A=1\nA=2\n').values.get('A')).toBe('2');
  });

  it('reports broken lines by number without quoting them', () => {
    const { values, issues } = read('GOOD=1\nnot an assignment s3cret\nBAD="open\n');
    expect(values.get('GOOD')).toBe('1');
    expect(issues).toEqual([
      { file: '/srv/klaxon/.env', line: 2, message: 'expected KEY=value' },
      { file: '/srv/klaxon/.env', line: 3, field: 'BAD', message: 'the " quote is never closed' },
    ]);
    expect(JSON.stringify(issues)).not.toContain('s3cret');
  });

  it('reports text after a closing quote', () => {
    expect(read("A='x' y\n").issues).toEqual([
      { file: '/srv/klaxon/.env', line: 1, field: 'A', message: 'unexpected text after the closing quote' },
    ]);
  });
});
