import { webErrorLogParser } from '../../src/parsers/index.ts';
import { fixtureLines } from './seeds.ts';
import { lineParserTarget } from './line-parser-target.ts';

// The Apache and nginx error log lines of the parser's own fixture.
const SEEDS = fixtureLines('src/parsers/web-error-log/testdata/error.log');

/** What a hostile line holds: fields and phrases of a forged client, brackets and quotes cut short. */
const HOSTILE = [
  '[',
  ']',
  '"',
  '`',
  "'",
  '[client 198.51.100.1:1] ',
  '[client [2001:db8::1]:1] ',
  ', client: 198.51.100.1',
  '": password mismatch',
  '" was not found in "',
  ': authentication failure for "',
  ' not found: ',
  ', referer: ',
  'AH01617: ',
  'Digest: ',
];

export const webErrorLogTarget = lineParserTarget('web-error-log', webErrorLogParser, SEEDS, HOSTILE);
