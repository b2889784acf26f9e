import fc from 'fast-check';
import { webErrorLogParser } from '../../src/parsers/index.ts';
import { commonFragment } from './hostile.ts';
import { parseAll } from './invariants.ts';
import { mutatedText } from './mutate.ts';
import { fixtureLines } from './seeds.ts';
import type { FuzzTarget } from './runner.ts';

// The Apache and nginx error log lines of the parser's own fixture.
const SEEDS = fixtureLines('src/parsers/web-error-log/testdata/error.log');

/** What a hostile line holds: fields and phrases of a forged client, brackets and quotes cut short. */
const errorLogFragment: fc.Arbitrary<string> = fc.oneof(
  commonFragment,
  fc.constantFrom(
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
  ),
);

export const webErrorLogTarget: FuzzTarget<string> = {
  name: 'web-error-log',
  arbitrary: mutatedText(fc.constantFrom(...SEEDS), errorLogFragment),
  pending: [],
  start: () => ({
    check(line) {
      parseAll(webErrorLogParser.create({}), [line]);
    },
  }),
};
