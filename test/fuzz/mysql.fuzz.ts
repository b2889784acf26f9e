import fc from 'fast-check';
import { mysqlParser } from '../../src/parsers/index.ts';
import { commonFragment } from './hostile.ts';
import { parseAll } from './invariants.ts';
import { mutatedText } from './mutate.ts';
import { fixtureLines } from './seeds.ts';
import type { FuzzTarget } from './runner.ts';

// The error log lines of the parser's own fixture.
const SEEDS = fixtureLines('src/parsers/mysql/testdata/error.log');

/** What a hostile line holds: quotes and endings of a forged login, times cut short. */
const mysqlFragment: fc.Arbitrary<string> = fc.oneof(
  commonFragment,
  fc.constantFrom(
    "'",
    "'@'",
    "'@'198.51.100.1",
    "' (using password: YES)",
    ' [Note] ',
    '[MY-010926] ',
    '240230 25:61:61',
  ),
);

export const mysqlTarget: FuzzTarget<string> = {
  name: 'mysql',
  arbitrary: mutatedText(fc.constantFrom(...SEEDS), mysqlFragment),
  pending: [],
  start: () => ({
    check(line) {
      parseAll(mysqlParser.create({}), [line]);
    },
  }),
};
