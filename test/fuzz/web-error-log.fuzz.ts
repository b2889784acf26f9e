import { webErrorLogParser } from '../../src/parsers/index.ts';
import { fixtureLines } from './seeds.ts';
import { lineParserTarget } from './line-parser-target.ts';

// The Apache and nginx error log lines of the parser's own fixture, and Baïkal's through PHP-FPM.
const SEEDS = [
  ...fixtureLines('src/parsers/web-error-log/testdata/error.log'),
  "[Wed Jul 05 09:19:24.428126 2023] [proxy_fcgi:error] [pid 1178526:tid 139729482307328] [client 33.202.142.97:55309] AH01071: Got error 'PHP message: user admin authentication failure for Baikal', referer: https://baikal.example.com/html/admin/",
];

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
  "Got error 'PHP message: user ",
  " authentication failure for Baikal'",
];

export const webErrorLogTarget = lineParserTarget('web-error-log', webErrorLogParser, SEEDS, HOSTILE);
