import { mysqlParser } from '../../src/parsers/index.ts';
import { fixtureLines } from './seeds.ts';
import { lineParserTarget } from './line-parser-target.ts';

// The error log lines of the parser's own fixture.
const SEEDS = fixtureLines('src/parsers/mysql/testdata/error.log');

/** What a hostile line holds: quotes and endings of a forged login, times cut short. */
const HOSTILE = [
  "'",
  "'@'",
  "'@'198.51.100.1",
  "' (using password: YES)",
  ' [Note] ',
  '[MY-010926] ',
  '240230 25:61:61',
];

export const mysqlTarget = lineParserTarget('mysql', mysqlParser, SEEDS, HOSTILE);
