import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { webErrorLogParser } from './index.ts';

// Apache 2.2 and 2.4, nginx and lighttpd error log lines, written for these tests after
// mod_auth_basic's, mod_auth_digest's, nginx's auth_basic and lighttpd's mod_auth messages and the
// servers' default error log formats.
const LINES = readFileSync(new URL('./testdata/error.log', import.meta.url), 'utf8')
  .trimEnd()
  .split('\n');

function parseErrorLog(lines: string[]): { events: SecurityEvent[]; skips: (string | null)[] } {
  const parser = webErrorLogParser.create({});
  const events: SecurityEvent[] = [];
  const skips = lines.map((line) => parser.parseLine(line, (event) => events.push(event)));
  return { events, skips };
}

const summary = (event: SecurityEvent) => [
  event['@timestamp'],
  event.event.module,
  (event.user as { name?: string } | undefined)?.name,
  (event.source as { ip?: string } | undefined)?.ip,
  (event.url as { path?: string } | undefined)?.path,
  event.event.reason,
];

/** An event's action, address, URL path and reason. */
const actionPathReason = (event: SecurityEvent) => [
  event.event.action,
  (event.source as { ip: string }).ip,
  (event.url as { path?: string } | undefined)?.path,
  event.event.reason,
];
describe('web server error logs', () => {
  const { events, skips } = parseErrorLog(LINES);
  const failures = events.filter((event) => event.event.action === 'http_auth_failure');

  it('give one failed login a line for each refused password or unknown user, from the address the server wrote', () => {
    expect(failures.map(summary)).toEqual([
      ['2024-03-04T10:00:01.123Z', 'apache', 'alice', '192.0.2.90', '/admin', 'Password Mismatch'],
      ['2024-03-04T10:00:02.000Z', 'apache', 'nobody', '192.0.2.90', '/admin', 'user not found'],
      ['2024-03-04T10:00:03.500Z', 'apache', 'bob', '2001:db8::91', '/private/', 'password mismatch'],
      ['2024-03-04T10:00:04.000Z', 'apache', 'carol', '192.0.2.92', '/private/', 'user not found'],
      ['2024-03-04T10:00:05.000Z', 'apache', 'dave', '192.0.2.93', '/', 'Password Mismatch'],
      ['2024-03-04T10:00:06.000Z', 'apache', undefined, '192.0.2.93', '/', 'user not found'],
      // A user name holding a client field of its own: Apache's own field comes first.
      [
        '2024-03-04T10:00:10.000Z',
        'apache',
        'x [client 198.51.100.8:1]',
        '192.0.2.97',
        '/',
        'Password Mismatch',
      ],
      ['2024-03-04T10:00:11.000Z', 'nginx', 'erin', '192.0.2.100', '/admin/', 'password mismatch'],
      ['2024-03-04T10:00:12.000Z', 'nginx', 'frank', '2001:db8::101', '/', 'user not found'],
      ['2024-03-04T10:00:16.000Z', 'lighttpd', 'grace', '192.0.2.140', '/secure/', "password doesn't match"],
      ['2024-03-04T10:00:17.000Z', 'lighttpd', 'heidi', '2001:db8::141', undefined, 'wrong password'],
      ['2024-03-04T10:00:18.000Z', 'lighttpd', undefined, '192.0.2.142', undefined, 'user not found'],
      // lighttpd writes the address last: a user name holding one does not move it.
      [
        '2024-03-04T10:00:19.000Z',
        'lighttpd',
        'x, IP: 198.51.100.6',
        '192.0.2.143',
        '/secure/',
        "password doesn't match",
      ],
    ]);
    expect(failures[0]).toMatchObject({
      event: {
        action: 'http_auth_failure',
        outcome: 'failure',
        category: ['authentication', 'web'],
        dataset: 'apache.error',
      },
      source: { address: '192.0.2.90', ip: '192.0.2.90', port: 51001 },
      related: { user: ['alice'], ip: ['192.0.2.90'] },
    });
  });

  it("give a missing file as a request for it, from Apache's address, not a login the path spells", () => {
    const missing = events.filter((event) => event.event.action === 'http_file_not_found');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({
      event: { category: ['web'], type: ['access'], outcome: 'failure', reason: 'file does not exist' },
      source: { ip: '192.0.2.94' },
      file: { path: '/srv/www/[client 198.51.100.9] user root not found' },
    });
    expect(missing[0]?.user).toBeUndefined();
  });

  it("give Apache's and lighttpd's refusals of a request without a password tried as refused requests, not logins", () => {
    const denied = events.filter((event) => event.event.action === 'http_access_denied');
    expect(
      denied.map((event) => [
        (event.source as { ip: string }).ip,
        (event.url as { path?: string } | undefined)?.path,
        (event.file as { path?: string } | undefined)?.path,
        event.event.reason,
      ]),
    ).toEqual([
      ['192.0.2.95', '/admin', undefined, 'wrong authentication scheme'],
      ['192.0.2.96', undefined, '/srv/www/secret', 'client denied by server configuration'],
      ['192.0.2.144', undefined, undefined, 'digest uri mismatch'],
    ]);
    expect(denied[0]).toMatchObject({
      event: { category: ['web'], type: ['access', 'denied'], outcome: 'failure', dataset: 'apache.error' },
    });
    expect(denied.every((event) => event.user === undefined)).toBe(true);
  });

  it('read an nginx line that names two clients as a forged line: both addresses, no failure counted', () => {
    const forged = events.filter((event) => event.event.action === 'log_address_forged');
    expect(forged).toHaveLength(1);
    expect(forged[0]).toMatchObject({
      '@timestamp': '2024-03-04T10:00:13.000Z',
      event: { module: 'nginx', dataset: 'nginx.error', original: LINES[12] },
      service: { name: 'nginx' },
      related: { ip: ['198.51.100.7', '192.0.2.102'] },
    });
    expect(forged[0]?.source).toBeUndefined();
  });

  it('skip what is neither a login, a missing file nor a refused request', () => {
    expect(skips).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null, // File does not exist (a path holding a user line): a missing file, no login
      null, // a wrong scheme: a refused request, no login
      null, // an access rule: a refused request, no login
      null,
      null,
      null,
      // nginx writes the user and the request as the client sent them: which client is its own?
      null,
      'web-error-line-unused', // no user or password sent
      null, // a TLS handshake refused: a request nginx could not read
      null,
      null,
      null,
      null,
      null, // a digest answer for another URI: a refused request, no password tried
      'web-error-line-unused', // no address
    ]);
    expect(parseErrorLog(['Mar  4 10:00:00 host sshd[1]: x']).skips).toEqual(['not-web-error-log']);
  });

  it('are recognised by their lines, and an access log is not one', () => {
    const choice = chooseParser(LINES);
    expect(choice.kind === 'found' && choice.parser.format).toBe('web-error-log');
    const access = chooseParser(['192.0.2.1 - - [04/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1" 401 12']);
    expect(access.kind === 'found' && access.parser.format).toBe('access-log');
  });
});

describe("Baïkal's refused logins in Apache's error log", () => {
  it('are failed HTTP logins from the client Apache wrote, through PHP-FPM or mod_php', () => {
    // The first is the CrowdSec hub's baikal-bf test line; the others were written for this test.
    const { events, skips } = parseErrorLog([
      "[Wed Jul 05 09:19:24.428126 2023] [proxy_fcgi:error] [pid 1178526:tid 139729482307328] [client 33.202.142.97:55309] AH01071: Got error 'PHP message: user admin authentication failure for Baikal', referer: https://baikal.example.com/html/admin/",
      '[Mon Mar 04 10:00:01.000000 2024] [php:notice] [pid 4242] [client 203.0.113.209:40000] user x [client 198.51.100.66:1] authentication failure for Baikal',
      "[Mon Mar 04 10:00:02.000000 2024] [proxy_fcgi:error] [pid 4242] [client 203.0.113.210:40001] AH01071: Got error 'PHP message: PHP Warning:  Undefined array key'",
    ]);
    expect(events.map(summary)).toEqual([
      [
        '2023-07-05T09:19:24.428Z',
        'apache',
        'admin',
        '33.202.142.97',
        undefined,
        'Baikal authentication failure',
      ],
      [
        '2024-03-04T10:00:01.000Z',
        'apache',
        'x [client 198.51.100.66:1]',
        '203.0.113.209',
        undefined,
        'Baikal authentication failure',
      ],
    ]);
    expect(events[0]).toMatchObject({ event: { action: 'http_auth_failure' } });
    expect(skips[2]).toBe('web-error-line-unused');
  });
});

describe('Apache logging to syslog', () => {
  it('gives the same failed logins, at the syslog time, on the host the header names', () => {
    const syslog = readFileSync(new URL('../sshd/testdata/apache.log', import.meta.url), 'utf8');
    const { events, skips } = parse(syslog.trimEnd().split('\n'));
    // A client field that holds no address.
    expect(skips).toEqual([null, null, null, null, 'not-sshd']);
    expect(events.map(summary)).toEqual([
      ['2024-03-04T10:00:00.000Z', 'apache', 'wrongname', '192.0.2.110', '/basic/file', 'user not found'],
      ['2024-03-04T10:00:01.000Z', 'apache', 'a', '192.0.2.111', '/', 'Password Mismatch'],
      [
        '2024-03-04T10:00:02.000Z',
        'apache',
        undefined,
        '192.0.2.112',
        undefined,
        'client denied by server configuration',
      ],
      ['2024-03-04T10:00:03.000Z', 'apache', 'b', '2001:db8::113', '/digest/', 'password mismatch'],
    ]);
    expect(events[2]).toMatchObject({
      event: { action: 'http_access_denied' },
      file: { path: '/home/backend1/' },
    });
    expect(events[0]).toMatchObject({ host: { name: 'web01' }, event: { action: 'http_auth_failure' } });
  });
});

describe("Apache's missing files and scripts", () => {
  it('are http_file_not_found events with the file on disk, under 2.2, 2.4 and syslog', () => {
    // Written for this test after core's AH00128 and mod_cgi's messages.
    const { events, skips } = parseErrorLog([
      '[Mon Mar 04 10:00:01 2024] [error] [client 203.0.113.120] File does not exist: /var/www/phpmyadmin',
      '[Mon Mar 04 10:00:02.123456 2024] [core:info] [pid 4101:tid 2992] [client 203.0.113.120:46652] AH00128: File does not exist: /var/www/pma, referer: http://example.org/',
      "[Mon Mar 04 10:00:03 2024] [error] [client 2001:db8::121] script '/var/www/wp-login.php' not found or unable to stat",
      '[Mon Mar 04 10:00:04 2024] [error] [client 203.0.113.122] script not found or unable to stat: /usr/lib/cgi-bin/php5',
      '[Mon Mar 04 10:00:05 2024] [error] [client 203.0.113.123] File does not exist: ',
    ]);
    expect(
      events.map((event) => [
        event.event.action,
        (event.source as { ip: string }).ip,
        (event.file as { path: string }).path,
        event.event.reason,
      ]),
    ).toEqual([
      ['http_file_not_found', '203.0.113.120', '/var/www/phpmyadmin', 'file does not exist'],
      ['http_file_not_found', '203.0.113.120', '/var/www/pma', 'file does not exist'],
      ['http_file_not_found', '2001:db8::121', '/var/www/wp-login.php', 'script not found'],
      ['http_file_not_found', '203.0.113.122', '/usr/lib/cgi-bin/php5', 'script not found'],
    ]);
    expect(skips.at(-1)).toBe('web-error-line-unused');
    const syslog = parse([
      'Mar  4 10:00:06 web apache2[18154]: [core:info] [pid 18154] [client 203.0.113.124:48154] AH00128: File does not exist: /var/www/.env',
    ]);
    expect(syslog.events.map((event) => [event.event.action, (event.file as { path: string }).path])).toEqual(
      [['http_file_not_found', '/var/www/.env']],
    );
  });
});

describe("PHP-FPM's answer for a script that does not exist", () => {
  it('is http_file_not_found through Apache and through nginx, with the path nginx names', () => {
    // Written for this test after mod_proxy_fcgi's AH01071 (a literal \\n before the quote in older
    // releases) and nginx's FastCGI stderr message.
    const { events, skips } = parseErrorLog([
      "[Mon Mar 04 10:00:01.100000 2024] [proxy_fcgi:error] [pid 742:tid 1401] [client 203.0.113.125:50900] AH01071: Got error 'Primary script unknown'",
      "[Mon Mar 04 10:00:02.100000 2024] [proxy_fcgi:error] [pid 742:tid 1401] [client 203.0.113.126:50901] AH01071: Got error 'Primary script unknown\\n'",
      '2024/03/04 10:00:03 [error] 2865#2865: *136 FastCGI sent in stderr: "Primary script unknown" while reading response header from upstream, client: 203.0.113.127, server: www.example.org, request: "GET /xmlrpc.php HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "www.example.org"',
      "[Mon Mar 04 10:00:04.100000 2024] [proxy_fcgi:error] [pid 742:tid 1401] [client 203.0.113.128:50902] AH01071: Got error 'PHP message: PHP Warning: Undefined variable'",
    ]);
    expect(events.map(actionPathReason)).toEqual([
      ['http_file_not_found', '203.0.113.125', undefined, 'primary script unknown'],
      ['http_file_not_found', '203.0.113.126', undefined, 'primary script unknown'],
      ['http_file_not_found', '203.0.113.127', '/xmlrpc.php', 'primary script unknown'],
    ]);
    // A PHP warning is no missing script.
    expect(skips.at(-1)).toBe('web-error-line-unused');
  });
});

describe("Apache's refusals of a request without a password tried", () => {
  it('are http_access_denied events: access rules, authorisations, a wrong scheme, forged digest answers', () => {
    // Written for this test after mod_access_compat's, mod_authz_core's, mod_authz_owner's,
    // mod_auth_basic's and mod_auth_digest's messages, under 2.2 and 2.4.
    const { events, skips } = parseErrorLog([
      '[Mon Mar 04 10:00:01 2024] [error] [client 203.0.113.130] client denied by server configuration: /var/www/private/.htpasswd',
      '[Mon Mar 04 10:00:02.100000 2024] [access_compat:error] [pid 4101:tid 2992] [client 203.0.113.130:46001] AH01797: client denied by server configuration: /var/www/server-status',
      '[Mon Mar 04 10:00:03.100000 2024] [evasive20:error] [pid 4102] [client 203.0.113.131:46002] client denied by server configuration: /var/www/index.php, referer: https://example.org/',
      '[Mon Mar 04 10:00:04.100000 2024] [authz_core:error] [pid 4101:tid 2992] [client 203.0.113.132:46003] AH01631: user alice: authorization failure for "/admin/": ',
      '[Mon Mar 04 10:00:05.100000 2024] [authz_owner:error] [pid 4101:tid 2992] [client [2001:db8::133]:46004] AH01637: Authorization of user bob to access /home/carol/notes.txt failed, reason: file owner carol does not match.',
      "[Mon Mar 04 10:00:06 2024] [error] [client 203.0.113.134] access to /reports failed, reason: user 'dave' does not meet 'require'ments for user/valid-user to be allowed access",
      '[Mon Mar 04 10:00:07 2024] [error] [client 203.0.113.135] Digest: invalid nonce AAAAAAAAAAAA received - length is not 52',
      "[Mon Mar 04 10:00:08.100000 2024] [auth_digest:error] [pid 4101:tid 2992] [client 203.0.113.135:46005] AH01788: realm mismatch - got `other' but expected `private'",
      "[Mon Mar 04 10:00:09.100000 2024] [auth_digest:error] [pid 4101:tid 2992] [client 203.0.113.135:46006] AH01789: unknown algorithm `SHA-1024' received: /private/",
      '[Mon Mar 04 10:00:10 2024] [error] [client 203.0.113.136] user eve: authorization failure for "/x',
    ]);
    expect(
      events.map((event) => [
        event.event.action,
        (event.source as { ip: string }).ip,
        (event.user as { name?: string } | undefined)?.name,
        (event.url as { path?: string } | undefined)?.path ??
          (event.file as { path: string } | undefined)?.path,
        event.event.reason,
      ]),
    ).toEqual([
      [
        'http_access_denied',
        '203.0.113.130',
        undefined,
        '/var/www/private/.htpasswd',
        'client denied by server configuration',
      ],
      [
        'http_access_denied',
        '203.0.113.130',
        undefined,
        '/var/www/server-status',
        'client denied by server configuration',
      ],
      [
        'http_access_denied',
        '203.0.113.131',
        undefined,
        '/var/www/index.php',
        'client denied by server configuration',
      ],
      ['http_access_denied', '203.0.113.132', 'alice', '/admin/', 'authorization failure'],
      ['http_access_denied', '2001:db8::133', 'bob', '/home/carol/notes.txt', 'authorization failure'],
      ['http_access_denied', '203.0.113.134', 'dave', '/reports', 'authorization failure'],
      ['http_access_denied', '203.0.113.135', undefined, undefined, 'digest invalid nonce'],
      ['http_access_denied', '203.0.113.135', undefined, undefined, 'digest realm mismatch'],
      ['http_access_denied', '203.0.113.135', undefined, '/private/', 'digest unknown algorithm'],
    ]);
    // An authorisation line cut short names no path: not read.
    expect(skips.at(-1)).toBe('web-error-line-unused');
    expect(events.every((event) => !(event.event.category as string[]).includes('authentication'))).toBe(
      true,
    );
  });
});

describe("ModSecurity's verdicts in Apache's and nginx's error logs", () => {
  // Written for this test after ModSecurity 2.9's lines in Apache's error log (CRS 3's layout and an
  // older rule set's, which writes the tags first) and libmodsecurity 3's nginx connector.
  const lines = [
    '[Mon Mar 04 10:00:01.100000 2024] [:error] [pid 4101:tid 2992] [client 203.0.113.140:46010] [client 203.0.113.140] ModSecurity: Access denied with code 403 (phase 2). detected SQLi using libinjection with fingerprint \'s&1\' [file "/usr/share/modsecurity-crs/rules/REQUEST-942-APPLICATION-ATTACK-SQLI.conf"] [line "65"] [id "942100"] [msg "SQL Injection Attack Detected via libinjection"] [data "Matched Data: s&1 found within ARGS:id: 1\\x22] [id \\x22999\\x22] or 1=1"] [severity "CRITICAL"] [ver "OWASP_CRS/3.3.5"] [tag "attack-sqli"] [hostname "www.example.org"] [uri "/item.php"] [unique_id "ZeWb4Kw@AAEAAB@1"], referer: https://www.example.org/ [uri "/forged"]',
    '[Mon Mar 04 10:00:02 2024] [error] [client 203.0.113.141] ModSecurity: [file "/etc/modsecurity/scanners.conf"] [line "12"] [id "340069"] [msg "Web vulnerability scanner"] [severity "CRITICAL"] Access denied with code 406 (phase 2). Pattern match "w00tw00t" at REQUEST_URI. [hostname "192.0.2.1"] [uri "/w00tw00t.at.ISC.SANS.DFind:)"] [unique_id "ZeWb4Kw@AAEAAB@2"]',
    '[Mon Mar 04 10:00:03.100000 2024] [security2:error] [pid 4101:tid 2992] [client 2001:db8::142:46011] [client 2001:db8::142] ModSecurity: Warning. Matched phrase "../" at REQUEST_URI. [file "/usr/share/modsecurity-crs/rules/REQUEST-930-APPLICATION-ATTACK-LFI.conf"] [line "52"] [id "930110"] [msg "Path Traversal Attack (/../)"] [severity "CRITICAL"] [hostname "www.example.org"] [uri "/static/../../etc/passwd"] [unique_id "ZeWb4Kw@AAEAAB@3"]',
    '2024/03/04 10:00:04 [error] 2865#2865: *110 [client 203.0.113.143] ModSecurity: Access denied with code 403 (phase 2). Matched "Operator `Ge\' with parameter `5\' against variable `TX:ANOMALY_SCORE\' (Value: `5\' ) [file "/etc/nginx/crs/rules/REQUEST-949-BLOCKING-EVALUATION.conf"] [line "81"] [id "949110"] [rev ""] [msg "Inbound Anomaly Score Exceeded (Total Score: 5)"] [data ""] [severity "2"] [ver "OWASP_CRS/3.3.5"] [maturity "0"] [accuracy "0"] [tag "anomaly-evaluation"] [hostname "192.0.2.10"] [uri "/"] [unique_id "170954640011.2"] [ref ""], client: 203.0.113.143, server: www.example.org, request: "GET /?q=<script> HTTP/1.1", host: "www.example.org"',
    '[Mon Mar 04 10:00:05 2024] [notice] [client 203.0.113.144] ModSecurity: Audit log: Failed to lock global mutex',
  ];

  it('are firewall alerts from the address the server wrote, with the rule, the path and the request id', () => {
    const { events, skips } = parseErrorLog(lines);
    expect(
      events.map((event) => [
        event.event.action,
        (event.source as { ip: string }).ip,
        (event.rule as { id: string }).id,
        (event.rule as { name: string }).name,
        (event.url as { path: string }).path,
        (event.http as { request?: { id: string } }).request?.id,
        (event.http as { response?: { status_code: number } }).response?.status_code,
        event.event.dataset,
      ]),
    ).toEqual([
      [
        'waf_request_blocked',
        '203.0.113.140',
        '942100',
        'SQL Injection Attack Detected via libinjection',
        '/item.php',
        'ZeWb4Kw@AAEAAB@1',
        403,
        'apache.error',
      ],
      [
        'waf_request_blocked',
        '203.0.113.141',
        '340069',
        'Web vulnerability scanner',
        '/w00tw00t.at.ISC.SANS.DFind:)',
        'ZeWb4Kw@AAEAAB@2',
        406,
        'apache.error',
      ],
      [
        'waf_rule_matched',
        '2001:db8::142',
        '930110',
        'Path Traversal Attack (/../)',
        '/static/../../etc/passwd',
        'ZeWb4Kw@AAEAAB@3',
        undefined,
        'apache.error',
      ],
      [
        'waf_request_blocked',
        '203.0.113.143',
        '949110',
        'Inbound Anomaly Score Exceeded (Total Score: 5)',
        '/',
        '170954640011.2',
        403,
        'nginx.error',
      ],
    ]);
    expect(events[0]).toMatchObject({
      event: {
        kind: 'alert',
        module: 'modsecurity',
        category: ['intrusion_detection', 'web'],
        type: ['denied'],
      },
      log: { level: 'CRITICAL' },
      service: { name: 'apache' },
    });
    expect(events[2]?.event.type).toEqual(['info']);
    expect(events.every((event) => event.user === undefined)).toBe(true);
    // ModSecurity's own lines that judge no request.
    expect(skips.at(-1)).toBe('web-error-line-unused');
  });
});

describe('requests a web server could not read, refused for their rate, or whose exploit reached a CGI script', () => {
  it("are http_bad_request, http_rate_limited and http_exploit_attempt events from the server's client", () => {
    // Written for this test after Apache's core (AH00126, AH00565, AH00566), mod_cgi's AH01215 with
    // bash's Shellshock messages, and nginx's limit_req and limit_conn.
    const { events, skips } = parseErrorLog([
      '[Mon Mar 04 10:00:01.100000 2024] [core:error] [pid 4101] [client 203.0.113.150:46020] AH00126: Invalid URI in request GET /static/../../../etc/passwd HTTP/1.1',
      '[Mon Mar 04 10:00:02 2024] [error] [client 203.0.113.150] request failed: URI too long (longer than 8190)',
      "[Mon Mar 04 10:00:03 2024] [error] [client 203.0.113.151] Invalid method in request \\x16\\x03\\x01 - possible attempt to establish SSL connection when the server isn't expecting it",
      '[Mon Mar 04 10:00:04 2024] [error] [client 203.0.113.151] request failed: erroneous characters after protocol string: x',
      '[Mon Mar 04 10:00:05.100000 2024] [cgi:error] [pid 4102] [client 203.0.113.152:46021] AH01215: /bin/bash: warning: HTTP_USER_AGENT: ignoring function definition attempt',
      "[Mon Mar 04 10:00:06.100000 2024] [cgi:error] [pid 4102] [client 203.0.113.152:46022] AH01215: /bin/bash: error importing function definition for `HTTP_X'",
      '2024/03/04 10:00:07 [error] 2865#2865: *120 limiting requests, excess: 5.120 by zone "login", client: 203.0.113.153, server: www.example.org, request: "POST /login?next=/ HTTP/1.1", host: "www.example.org"',
      '2024/03/04 10:00:08 [error] 2865#2865: *121 limiting connections by zone "addr", client: 2001:db8::154, server: www.example.org, request: "GET / HTTP/2.0", host: "www.example.org"',
      '2024/03/04 10:00:08 [info] 2865#2865: *123 client sent invalid method while reading client request line, client: 203.0.113.155, server: www.example.org, request: "\x16\x03\x01"',
      '2024/03/04 10:00:09 [warn] 2865#2865: *122 delaying request, excess: 0.520, by zone "login", client: 203.0.113.153, server: www.example.org, request: "POST /login HTTP/1.1"',
      '[Mon Mar 04 10:00:10.100000 2024] [cgi:error] [pid 4102] [client 203.0.113.152:46023] AH01215: /bin/bash: line 1: foo: command not found',
    ]);
    expect(events.map(actionPathReason)).toEqual([
      ['http_bad_request', '203.0.113.150', undefined, 'invalid URI'],
      ['http_bad_request', '203.0.113.150', undefined, 'URI too long'],
      ['http_bad_request', '203.0.113.151', undefined, 'invalid method'],
      ['http_bad_request', '203.0.113.151', undefined, 'erroneous characters after protocol string'],
      [
        'http_exploit_attempt',
        '203.0.113.152',
        undefined,
        'Shellshock function definition in HTTP_USER_AGENT',
      ],
      ['http_exploit_attempt', '203.0.113.152', undefined, 'Shellshock function definition in HTTP_X'],
      ['http_rate_limited', '203.0.113.153', '/login', 'limiting requests'],
      ['http_rate_limited', '2001:db8::154', '/', 'limiting connections'],
      ['http_bad_request', '203.0.113.155', undefined, 'invalid method'],
    ]);
    expect(events[4]).toMatchObject({ event: { category: ['intrusion_detection', 'web'], type: ['info'] } });
    expect(events[0]).toMatchObject({ event: { category: ['web'], type: ['access', 'denied'] } });
    // A request delayed, not refused; a CGI script's other errors.
    expect(skips.slice(-2)).toEqual(['web-error-line-unused', 'web-error-line-unused']);
  });
});

describe("nginx's refusals of a request for a file", () => {
  it('are missing files and refused requests from its client; a second client in the line makes it a forged one', () => {
    // Written for this test after nginx's ngx_http_static_module and ngx_http_index_module messages.
    const { events, skips } = parseErrorLog([
      '2024/03/04 10:00:01 [error] 2865#2865: *130 open() "/var/www/html/wp-login.php" failed (2: No such file or directory), client: 203.0.113.180, server: www.example.org, request: "GET /wp-login.php HTTP/1.1", host: "www.example.org"',
      '2024/03/04 10:00:02 [error] 2865#2865: *131 "/var/www/html/backup/index.html" is not found (2: No such file or directory), client: 2001:db8::181, server: www.example.org, request: "GET /backup/ HTTP/1.1", host: "www.example.org"',
      '2024/03/04 10:00:03 [error] 2865#2865: *132 directory index of "/var/www/html/uploads/" is forbidden, client: 203.0.113.182, server: www.example.org, request: "GET /uploads/ HTTP/1.1", host: "www.example.org"',
      '2024/03/04 10:00:04 [error] 2865#2865: *133 access forbidden by rule, client: 203.0.113.183, server: www.example.org, request: "GET /.git/config HTTP/1.1", host: "www.example.org"',
      '2024/03/04 10:00:05 [error] 2865#2865: *134 open() "/var/www/html/x" failed (2: No such file or directory), client: 198.51.100.9, y" failed (2: No such file or directory), client: 203.0.113.184, server: www.example.org, request: "GET /x HTTP/1.1", host: "www.example.org"',
      '2024/03/04 10:00:06 [error] 2865#2865: *135 open() "/var/www/html/y" failed (13: Permission denied), client: 203.0.113.185, server: www.example.org, request: "GET /y HTTP/1.1", host: "www.example.org"',
    ]);
    expect(
      events.map((event) => [
        event.event.action,
        (event.source as { ip?: string } | undefined)?.ip,
        (event.file as { path?: string } | undefined)?.path,
        (event.url as { path?: string } | undefined)?.path,
      ]),
    ).toEqual([
      ['http_file_not_found', '203.0.113.180', '/var/www/html/wp-login.php', '/wp-login.php'],
      ['http_file_not_found', '2001:db8::181', '/var/www/html/backup/index.html', '/backup/'],
      ['http_access_denied', '203.0.113.182', '/var/www/html/uploads/', '/uploads/'],
      ['http_access_denied', '203.0.113.183', undefined, '/.git/config'],
      ['log_address_forged', undefined, undefined, undefined],
    ]);
    expect(events[4]?.related).toMatchObject({ ip: ['198.51.100.9', '203.0.113.184'] });
    expect(skips.at(-1)).toBe('web-error-line-unused');
  });
});
