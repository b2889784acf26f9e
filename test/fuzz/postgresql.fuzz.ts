import fc from 'fast-check';
import { postgresqlParser } from '../../src/parsers/index.ts';
import { commonFragment } from './hostile.ts';
import { parseAll } from './invariants.ts';
import { mutatedLines } from './mutate.ts';
import { expectThat } from './runner.ts';
import type { FuzzTarget } from './runner.ts';
import { fixtureLines } from './seeds.ts';

// The lines of the parser's own fixtures (stderr with its prefixes, RDS's and `%h`'s among them,
// jsonlog, forged lines), and
// csvlog records, one over two lines.
const SEEDS = [
  ...fixtureLines('src/parsers/postgresql/testdata/postgresql.log'),
  ...fixtureLines('src/parsers/postgresql/testdata/client-prefixes.log'),
  '2024-03-04 10:00:20.110 UTC,"postgres","postgres",4120,"203.0.113.190:51020",65e.1,1,"authentication",2024-03-04 10:00:20 UTC,3/1,0,FATAL,28P01,"password authentication failed for user ""postgres""",,,,,,,,,"","client backend",,0',
  '2024-03-04 10:00:21.000 UTC,"app","db",4121,"[local]",65e.2,2,"SELECT",2024-03-04 10:00:21 UTC,3/2,0,LOG,00000,"statement: SELECT 1',
  'FROM t",,,,,,,,,"psql","client backend",,0',
];

/** What a hostile line holds: severity markers, hosts of a forged refusal, zones, quotes, JSON keys. */
const HOSTILE = [
  ' FATAL:  ',
  'LOG:  connection received: host=198.51.100.1 port=1',
  'no pg_hba.conf entry for host "198.51.100.1", user "',
  '", database "',
  ' authentication failed for user "',
  ' [4242] ',
  ':[4242]:FATAL:  ',
  ' UTC:198.51.100.1(5432):',
  ' 198.51.100.1 ',
  ' CEST ',
  ' +05:30 ',
  '"remote_host":"198.51.100.1"',
  '"__proto__":{}',
  '","',
  '""',
  ' UTC,"',
];

/** Up to 3 lines with edits: a csvlog record goes on over the lines its quotes leave open. */
const input: fc.Arbitrary<string[]> = mutatedLines(
  fc.constantFrom(...SEEDS),
  fc.oneof(commonFragment, fc.constantFrom(...HOSTILE, '\n')),
  3,
);

export const postgresqlTarget: FuzzTarget<string[]> = {
  name: 'postgresql',
  arbitrary: input,
  pending: [],
  start: () => ({
    check(lines) {
      const parser = postgresqlParser.create({});
      parseAll(parser, lines, true);
      let finished = 0;
      parser.finish?.(() => finished++);
      expectThat(finished === 0, 'finish emitted an event: a csvlog record cut short is told, not read');
    },
  }),
};
