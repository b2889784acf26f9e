import { describe, expect, it } from 'vitest';
import { chooseParserFrom, findParserIn, SNIFF_LINES } from './choose-parser.ts';
import type { ParserDefinition } from './parser.ts';

function fakeParser(format: string, sniff: (sample: readonly string[]) => number): ParserDefinition {
  return {
    format,
    description: format,
    sniff,
    create: () => ({ parseLine: () => null, notes: () => [] }),
  };
}

const alpha = fakeParser(
  'alpha',
  (sample) => sample.filter((line) => line.startsWith('a')).length / sample.length,
);
const beta = fakeParser(
  'beta',
  (sample) => sample.filter((line) => line.startsWith('b')).length / sample.length,
);

describe('chooseParserFrom', () => {
  it('picks the definition with the highest score and reports every score', () => {
    const choice = chooseParserFrom([alpha, beta], ['b1', 'b2', 'a1']);
    expect(choice.kind).toBe('found');
    if (choice.kind !== 'found') return;
    expect(choice.parser).toBe(beta);
    expect(choice.score).toBeCloseTo(2 / 3);
    expect(choice.scores.map((score) => score.format)).toEqual(['alpha', 'beta']);
  });

  it('gives a tie to the earlier definition', () => {
    const choice = chooseParserFrom([alpha, beta], ['a1', 'b1']);
    expect(choice.kind === 'found' && choice.parser).toBe(alpha);
  });

  it('gives a tie to the definition that reads events from the lines, before the earlier one', () => {
    // Both claim every line (as logs that start with a time and a bracketed level do); one reads them.
    const claimsAll = (format: string, reads: boolean): ParserDefinition => ({
      ...fakeParser(format, () => 1),
      create: () => ({
        parseLine: (line, emit) => {
          if (reads) emit({ '@timestamp': line, event: { kind: 'event' } } as never, 0);
          return reads ? null : `${format}-line-unused`;
        },
        notes: () => [],
      }),
    });
    const throwing: ParserDefinition = {
      ...fakeParser('throwing', () => 1),
      create: () => {
        throw new Error('no');
      },
    };
    const choice = chooseParserFrom(
      [claimsAll('first', false), throwing, claimsAll('reader', true)],
      ['x', 'y'],
    );
    expect(choice.kind === 'found' && choice.parser.format).toBe('reader');
    expect(choice.kind === 'found' && choice.score).toBe(1);
  });

  it('looks only at non-empty lines, and at most SNIFF_LINES of them', () => {
    const seen: number[] = [];
    const counting = fakeParser('counting', (sample) => {
      seen.push(sample.length);
      expect(sample.every((line) => line.trim() !== '')).toBe(true);
      return 1;
    });
    chooseParserFrom([counting], ['', 'x', '   ', ...Array<string>(200).fill('y')]);
    expect(seen).toEqual([SNIFF_LINES]);
  });

  it('passes over comment lines, as an annotated test log or an export with a header has them', () => {
    const annotated = [
      '# expected: a match',
      'b1',
      '  # another comment',
      'b2',
      ...Array<string>(10).fill('# noise'),
      'a1',
    ];
    const choice = chooseParserFrom([alpha, beta], annotated);
    expect(choice.kind === 'found' && choice.parser).toBe(beta);
    expect(choice.kind === 'found' && choice.score).toBeCloseTo(2 / 3);
    expect(chooseParserFrom([alpha, beta], ['# only', '# comments']).kind).toBe('none');
  });

  it('says why when nothing fits well enough', () => {
    const choice = chooseParserFrom([alpha, beta], ['c1', 'c2', 'a1']);
    expect(choice.kind).toBe('none');
    if (choice.kind !== 'none') return;
    expect(choice.message).toBe(
      'cannot detect the format: none of [alpha, beta] fits the first 3 non-empty line(s) (best: alpha at 0.33)',
    );
  });

  it('says the input is empty when it has no non-empty lines', () => {
    const choice = chooseParserFrom([alpha, beta], ['', '  ', '\t']);
    expect(choice).toEqual({
      kind: 'none',
      message: 'cannot detect the format: the input has no non-empty lines (known formats: alpha, beta)',
      scores: [],
    });
  });
});

describe('findParserIn', () => {
  it('finds a definition by format, ignoring case and spaces', () => {
    expect(findParserIn([alpha, beta], 'beta')).toBe(beta);
    expect(findParserIn([alpha, beta], ' ALPHA ')).toBe(alpha);
    expect(findParserIn([alpha, beta], 'gamma')).toBeUndefined();
  });
});
