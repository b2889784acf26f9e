import { dovecotParser } from '../../src/parsers/index.ts';
import { fixtureLines } from './seeds.ts';
import { lineParserTarget } from './line-parser-target.ts';

// The lines of the parser's own fixture.
const SEEDS = fixtureLines('src/parsers/dovecot/testdata/dovecot.log');

/** What a hostile line holds: users and addresses of a forged failure, labels and times cut short. */
const HOSTILE = [
  ' rip=198.51.100.1',
  'user=<',
  '>',
  '(auth failed, 99999 attempts',
  'imap-login: Info: ',
  '@4000000000000000ffffffff ',
  '@ffffffffffffffffffffffff ',
  'Feb 30 25:61:61 ',
];

export const dovecotTarget = lineParserTarget('dovecot', dovecotParser, SEEDS, HOSTILE);
