import { accessLogParser } from '../../src/parsers/index.ts';
import { lineParserTarget } from './line-parser-target.ts';

// Lines in the Combined and Common Log Formats (Apache's mod_log_config documentation), written here.
const SEEDS = [
  '198.51.100.23 - alice [10/Oct/2000:13:55:36 -0700] "POST /wp-login.php?redirect_to=%2F HTTP/1.1" 401 2326 "https://blog.example.org/wp-login.php" "Mozilla/5.0 (X11; Linux x86_64) \\"quoted\\""',
  '2001:db8::5 - - [04/Mar/2024:10:00:00 +0000] "GET /index.html HTTP/1.0" 304 -',
  'host.example.org - - [04/Mar/2024:10:00:01 +0100] "GET /admin HTTP/2.0" 403 199 "-" "curl/8.5.0"',
  '203.0.113.9 - - [04/Mar/2024:10:00:02 +0000] "-" 400 0 "-" "-"',
];

/** What a hostile request line holds: quotes, brackets, escapes, dates cut short. */
const HOSTILE = ['"', '\\"', '[', ']', ' - ', '[31/Feb/2024:25:61:61 +9999]', ' HTTP/1.1"', '\\x00'];

export const accessLogTarget = lineParserTarget('access-log', accessLogParser, SEEDS, HOSTILE);
