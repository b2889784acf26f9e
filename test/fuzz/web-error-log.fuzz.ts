import { webErrorLogParser } from '../../src/parsers/index.ts';
import { fixtureLines } from './seeds.ts';
import { lineParserTarget } from './line-parser-target.ts';

// The Apache and nginx error log lines of the parser's own fixture, Baïkal's through PHP-FPM, and
// ModSecurity's verdicts (its tags after the verdict and before it, under Apache and nginx).
const SEEDS = [
  ...fixtureLines('src/parsers/web-error-log/testdata/error.log'),
  '[Mon Mar 04 10:00:01.100000 2024] [:error] [pid 4101:tid 2992] [client 203.0.113.140:46010] [client 203.0.113.140] ModSecurity: Access denied with code 403 (phase 2). detected SQLi [file "/rules/942.conf"] [line "65"] [id "942100"] [msg "SQL Injection"] [data "Matched Data: s&1"] [severity "CRITICAL"] [hostname "www"] [uri "/item.php"] [unique_id "ZeWb4Kw"], referer: https://www.example.org/',
  '[Mon Mar 04 10:00:02 2024] [error] [client 203.0.113.141] ModSecurity: [file "/rules/s.conf"] [line "12"] [id "340069"] [msg "Scanner"] [severity "CRITICAL"] Access denied with code 406 (phase 2). Pattern match "w00t" at REQUEST_URI. [hostname "h"] [uri "/w00t"] [unique_id "Z2"]',
  '2024/03/04 10:00:04 [error] 2865#2865: *110 [client 203.0.113.143] ModSecurity: Warning. Matched "x" [file "/crs/949.conf"] [line "81"] [id "949110"] [msg "Inbound Anomaly Score Exceeded"] [hostname "h"] [uri "/"] [unique_id "17.2"] [ref ""], client: 203.0.113.143, server: s, request: "GET / HTTP/1.1", host: "h"',
  '2024/03/04 10:00:01 [error] 2865#2865: *130 open() "/var/www/html/wp-login.php" failed (2: No such file or directory), client: 203.0.113.180, server: s, request: "GET /wp-login.php HTTP/1.1", host: "s"',
  '2024/03/04 10:00:07 [error] 2865#2865: *120 limiting requests, excess: 5.120 by zone "login", client: 203.0.113.153, server: s, request: "POST /login?next=/ HTTP/1.1", host: "s"',
  '[Mon Mar 04 10:00:05.100000 2024] [cgi:error] [pid 4102] [client 203.0.113.152:46021] AH01215: /bin/bash: warning: HTTP_USER_AGENT: ignoring function definition attempt',
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
  'ModSecurity: ',
  'Access denied with code 403 ',
  'Warning. ',
  ' [id "',
  ' [uri "',
  '"]',
  'client denied by server configuration: ',
  'Invalid URI in request ',
  '/bin/bash: warning: HTTP_X: ignoring function definition attempt',
  'limiting requests, excess: 1.0 by zone "z"',
  'open() "/x" failed (2: No such file or directory)',
  'access forbidden by rule',
];

export const webErrorLogTarget = lineParserTarget('web-error-log', webErrorLogParser, SEEDS, HOSTILE);
