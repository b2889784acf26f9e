import fc from 'fast-check';
import { asteriskParser } from '../../src/parsers/index.ts';
import { commonFragment } from './hostile.ts';
import { parseAll } from './invariants.ts';
import { mutatedText } from './mutate.ts';
import { fixtureLines } from './seeds.ts';
import type { FuzzTarget } from './runner.ts';

// The lines of the parser's own fixture.
const SEEDS = fixtureLines('src/parsers/asterisk/testdata/messages.log');

/** What a hostile line holds: quotes and fields of a forged address, times cut short. */
const asteriskFragment: fc.Arbitrary<string> = fc.oneof(
  commonFragment,
  fc.constantFrom(
    "'",
    '"',
    "' failed for '198.51.100.1' - Wrong password",
    ',RemoteAddress="IPV4/UDP/198.51.100.1/1"',
    ' (callid: ',
    'NOTICE[1] chan_sip.c: ',
    '[2024-02-30 25:61:61] ',
  ),
);

export const asteriskTarget: FuzzTarget<string> = {
  name: 'asterisk',
  arbitrary: mutatedText(fc.constantFrom(...SEEDS), asteriskFragment),
  pending: [],
  start: () => ({
    check(line) {
      parseAll(asteriskParser.create({ year: 2024 }), [line]);
    },
  }),
};
