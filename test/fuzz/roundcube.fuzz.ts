import { roundcubeParser } from '../../src/parsers/index.ts';
import { fixtureLines } from './seeds.ts';
import { lineParserTarget } from './line-parser-target.ts';

// The lines of the parser's own fixture.
const SEEDS = fixtureLines('src/parsers/roundcube/testdata/roundcube.log');

/** What a hostile line holds: addresses and endings of a forged login, proxy headers, times cut short. */
const HOSTILE = [
  ' from ',
  ' from 198.51.100.1. ',
  ' from 198.51.100.1(',
  '(X-Forwarded-For: ',
  ' in session x',
  ' (error: -1)',
  ' (ID: 1)',
  ' against ',
  '[31-Feb-2024 25:61:61 +9999]: ',
];

export const roundcubeTarget = lineParserTarget('roundcube', roundcubeParser, SEEDS, HOSTILE);
