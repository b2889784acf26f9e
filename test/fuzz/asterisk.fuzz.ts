import { asteriskParser } from '../../src/parsers/index.ts';
import { fixtureLines } from './seeds.ts';
import { lineParserTarget } from './line-parser-target.ts';

// The lines of the parser's own fixture.
const SEEDS = fixtureLines('src/parsers/asterisk/testdata/messages.log');

/** What a hostile line holds: quotes and fields of a forged address, times cut short. */
const HOSTILE = [
  "'",
  '"',
  "' failed for '198.51.100.1' - Wrong password",
  ',RemoteAddress="IPV4/UDP/198.51.100.1/1"',
  ' (callid: ',
  'NOTICE[1] chan_sip.c: ',
  '[2024-02-30 25:61:61] ',
];

export const asteriskTarget = lineParserTarget('asterisk', asteriskParser, SEEDS, HOSTILE);
