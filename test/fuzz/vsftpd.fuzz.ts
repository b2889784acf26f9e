import { vsftpdParser } from '../../src/parsers/index.ts';
import { lineParserTarget } from './line-parser-target.ts';

// Lines in vsftpd's own log format (its logging.c), written here.
const SEEDS = [
  'Mon Mar  4 10:00:00 2024 [pid 1201] CONNECT: Client "203.0.113.9"',
  'Mon Mar  4 10:00:02 2024 [pid 1202] [admin] FAIL LOGIN: Client "203.0.113.9"',
  'Mon Mar  4 10:00:03 2024 [pid 1203] [guest] FAIL LOGIN: Client "::ffff:198.51.100.4", "User is not in the allow user list."',
  'Mon Mar  4 10:00:04 2024 [pid 1204] [bob] OK LOGIN: Client "192.0.2.10"',
];

/** What a hostile line holds: brackets and quotes of a forged result, times cut short. */
const HOSTILE = ['"', ']', '[', '] OK LOGIN: Client "', '] FAIL LOGIN: Client "', '[pid ', 'Feb 30 25:61:61'];

export const vsftpdTarget = lineParserTarget('vsftpd', vsftpdParser, SEEDS, HOSTILE);
