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

/** A fake whose events say which parser read which line, and whose skips say it could not. */
function reading(format: string, prefix: string): ParserDefinition {
  return {
    ...fakeParser(
      format,
      (sample) => sample.filter((line) => line.startsWith(prefix)).length / sample.length,
    ),
    create: () => ({
      parseLine: (line, emit) => {
        if (!line.startsWith(prefix)) return `not-${format}`;
        emit({ '@timestamp': line, event: { kind: 'event', module: format } } as never, 0);
        return null;
      },
      notes: () => [`${format} read`],
    }),
  };
}

describe('chooseParserFrom, a file of several formats', () => {
  const a = reading('alpha', 'a');
  const b = reading('beta', 'b');
  const c = reading('gamma', 'c');

  it('reads a file no format fits alone as a mix of those that together claim its lines', () => {
    // alpha claims 0.4 of the lines, beta 0.4, gamma one line: neither alone reaches MIN_SNIFF_SCORE.
    const lines = ['a1', 'b1', 'a2', 'b2', 'a3', 'b3', 'a4', 'b4', 'c1', 'z1'];
    const choice = chooseParserFrom([c, a, b], lines);
    expect(choice.kind).toBe('found');
    if (choice.kind !== 'found') return;
    expect(choice.parser.format).toBe('alpha+beta');
    expect(choice.score).toBeCloseTo(0.8);
    const parser = choice.parser.create({});
    const read: string[] = [];
    const skips = lines.map((line) =>
      parser.parseLine(line, (event) => read.push(`${event.event.module} ${line}`)),
    );
    expect(read).toEqual([
      'alpha a1',
      'beta b1',
      'alpha a2',
      'beta b2',
      'alpha a3',
      'beta b3',
      'alpha a4',
      'beta b4',
    ]);
    // A line none of the mix claims goes to its first format, which says why it skips it.
    expect(skips.slice(-2)).toEqual(['not-alpha', 'not-alpha']);
    expect(parser.notes()).toEqual(['alpha read', 'beta read']);
  });

  it('leaves a file unknown when the formats together claim too little, or one adds too few lines', () => {
    const noisy = ['a1', 'b1', 'a2', 'b2', 'a3', 'b3', 'z1', 'z2', 'z3', 'z4'];
    expect(chooseParserFrom([a, b], noisy).kind).toBe('none');
    // beta claims a single line of its own: not enough to join the mix.
    const lone = ['a1', 'a2', 'a3', 'a4', 'b1', 'z1', 'z2', 'z3', 'z4', 'z5'];
    expect(chooseParserFrom([a, b], lone).kind).toBe('none');
  });

  it('reads a file one format fits alone as a mix led by it when another fits its other lines', () => {
    // alpha fits 0.6 of the lines alone; beta fits the other two fully.
    const choice = chooseParserFrom([b, a], ['a1', 'a2', 'a3', 'b1', 'b2']);
    expect(choice.kind === 'found' && choice.parser.format).toBe('alpha+beta');
    const parser = choice.kind === 'found' ? choice.parser.create({}) : undefined;
    const read: string[] = [];
    for (const line of ['b1', 'a1']) parser?.parseLine(line, (event) => read.push(`${event.event.module}`));
    expect(read).toEqual(['beta', 'alpha']);
  });

  it('does not mix a format that fits alone with one that adds too few lines or fits them partly', () => {
    // beta fits one line of 12: under MIN_OWN_LINES and MIN_MIX_GAIN.
    const few = [...Array.from({ length: 8 }, (_, i) => `a${i}`), 'b1', 'z1', 'z2', 'z3'];
    const fewChoice = chooseParserFrom([a, b], few);
    expect(fewChoice.kind === 'found' && fewChoice.parser).toBe(a);
    // A syslog-like reader that fits every line a little (0.6) does not join for the lines alpha leaves.
    const weak = fakeParser('weak', (sample) => (sample.some((line) => line.startsWith('a')) ? 0.3 : 0.6));
    const choice = chooseParserFrom([a, weak], ['a1', 'a2', 'a3', 'w1', 'w2']);
    expect(choice.kind === 'found' && choice.parser).toBe(a);
  });

  it('does not mix when one format fits every line fully', () => {
    const choice = chooseParserFrom([a, b], ['a1', 'a2', 'a3']);
    expect(choice.kind === 'found' && choice.parser).toBe(a);
  });

  it('takes up to three formats, the one claiming most lines first, a tie to the earlier one', () => {
    const lines = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1', 'c2', 'c3', 'a4'];
    const choice = chooseParserFrom([c, b, a], lines);
    expect(choice.kind === 'found' && choice.parser.format).toBe('alpha+gamma+beta');
    expect(choice.kind === 'found' && choice.score).toBe(1);
  });
});

describe('findParserIn', () => {
  it('finds a definition by format, ignoring case and spaces', () => {
    expect(findParserIn([alpha, beta], 'beta')).toBe(beta);
    expect(findParserIn([alpha, beta], ' ALPHA ')).toBe(alpha);
    expect(findParserIn([alpha, beta], 'gamma')).toBeUndefined();
  });

  it('reads formats joined by + as a mix in that order, as a replay names a mixed file', () => {
    const mix = findParserIn([reading('alpha', 'a'), reading('beta', 'b')], 'Beta+alpha');
    expect(mix?.format).toBe('beta+alpha');
    const read: string[] = [];
    const parser = mix?.create({});
    for (const line of ['a1', 'b1'])
      parser?.parseLine(line, (event) => read.push(String(event.event.module)));
    expect(read).toEqual(['alpha', 'beta']);
    expect(findParserIn([alpha, beta], 'alpha+gamma')).toBeUndefined();
    expect(findParserIn([alpha, beta], 'alpha+')).toBeUndefined();
  });
});
