import { asteriskParser } from '../../src/parsers/index.ts';
import { fixtureLines } from './seeds.ts';
import { lineParserTarget } from './line-parser-target.ts';

// The lines of the parser's own fixture, and FreeSWITCH's, which it reads too.
const SEEDS = [
  ...fixtureLines('src/parsers/asterisk/testdata/messages.log'),
  "2023-03-06 15:13:32.685002 96.83% [WARNING] sofia_reg.c:3223 SIP auth failure (INVITE) on sofia profile '123' for [123] from ip 1.2.3.4",
  "2023-03-06 15:11:14.385000 96.03% [WARNING] sofia_reg.c:3223 Can't find user [2501@1.2.3.4] from 1.2.3.4",
  "[Jan 18 17:39:50] NOTICE[12049]: res_pjsip_session.c:2337 new_invite: Call from 'anonymous' (TCP:[1.2.3.4]:61470) to extension '9011' rejected because extension not found in context 'default'.",
];

/** What a hostile line holds: quotes and fields of a forged address, times cut short. */
const HOSTILE = [
  "'",
  '"',
  "' failed for '198.51.100.1' - Wrong password",
  ',RemoteAddress="IPV4/UDP/198.51.100.1/1"',
  ' (callid: ',
  'NOTICE[1] chan_sip.c: ',
  '[2024-02-30 25:61:61] ',
  '] from ip 198.51.100.1',
  ' from 198.51.100.1',
  "' (198.51.100.1:5060) to extension '",
  "' rejected because extension not found in context 'default'.",
];

export const asteriskTarget = lineParserTarget('asterisk', asteriskParser, SEEDS, HOSTILE);
