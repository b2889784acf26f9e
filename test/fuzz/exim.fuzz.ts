import { eximParser } from '../../src/parsers/index.ts';
import { fixtureLines } from './seeds.ts';
import { lineParserTarget } from './line-parser-target.ts';

// The main log lines of the parser's own fixtures.
const SEEDS = [
  ...fixtureLines('src/parsers/exim/testdata/mainlog'),
  ...fixtureLines('src/parsers/exim/testdata/violations'),
];

/** What a hostile line holds: HELO names, host text and endings of a forged failure, times cut short. */
const HOSTILE = [
  '(',
  ')',
  ' [198.51.100.1]:1',
  ' I=[192.0.2.25]:587',
  ': 535 Incorrect authentication data',
  ' (set_id=',
  ': 99999 Time(s)',
  'H=',
  '" H=(pc) [198.51.100.2]',
  ' next input="',
  ' AUTH command used when not advertised',
  ' Ci=12',
  '2024-13-45 25:61:61 ',
];

export const eximTarget = lineParserTarget('exim', eximParser, SEEDS, HOSTILE);
