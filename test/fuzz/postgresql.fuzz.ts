import { postgresqlParser } from '../../src/parsers/index.ts';
import { fixtureLines } from './seeds.ts';
import { lineParserTarget } from './line-parser-target.ts';

// The lines of the parser's own fixture: stderr with its prefixes, jsonlog, a forged line.
const SEEDS = fixtureLines('src/parsers/postgresql/testdata/postgresql.log');

/** What a hostile line holds: severity markers, hosts of a forged refusal, zones, JSON keys. */
const HOSTILE = [
  ' FATAL:  ',
  'LOG:  connection received: host=198.51.100.1 port=1',
  'no pg_hba.conf entry for host "198.51.100.1", user "',
  '", database "',
  ' authentication failed for user "',
  ' [4242] ',
  ' CEST ',
  ' +05:30 ',
  '"remote_host":"198.51.100.1"',
  '"__proto__":{}',
];

export const postgresqlTarget = lineParserTarget('postgresql', postgresqlParser, SEEDS, HOSTILE);
