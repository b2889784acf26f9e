import { mssqlParser } from '../../src/parsers/index.ts';
import { fixtureLines } from './seeds.ts';
import { lineParserTarget } from './line-parser-target.ts';

// The error log lines of the parser's own fixture.
const SEEDS = fixtureLines('src/parsers/mssql/testdata/ERRORLOG');

/** What a hostile line holds: quotes, reasons and clients of a forged login, times cut short. */
const HOSTILE = [
  "'",
  "'.",
  ' Reason: ',
  '[CLIENT: 198.51.100.1]',
  '[CLIENT: ',
  ' Logon       ',
  '2024-13-45 25:61:61.99 ',
];

export const mssqlTarget = lineParserTarget('mssql', mssqlParser, SEEDS, HOSTILE);
