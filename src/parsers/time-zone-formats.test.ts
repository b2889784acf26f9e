import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findParser } from './registry.ts';
import type { SecurityEvent } from '../core/index.ts';
import type { LineParser } from './parser.ts';

/** Every line through `parser`, then its finish: the events and the times emitted with them. */
function parseAll(
  parser: LineParser,
  lines: readonly string[],
): { events: SecurityEvent[]; times: number[] } {
  const events: SecurityEvent[] = [];
  const times: number[] = [];
  const emit = (event: SecurityEvent, ts: number) => {
    events.push(event);
    times.push(ts);
  };
  for (const line of lines) parser.parseLine(line, emit);
  parser.finish?.(emit);
  return { events, times };
}

/** The times each parser's first event gets from `lines` (finished, for formats of many lines). */
function timesOf(format: string, lines: readonly string[], timeZone?: string): string[] {
  const parser = (findParser(format) as NonNullable<ReturnType<typeof findParser>>).create({
    year: 2024,
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  const { events, times } = parseAll(parser, lines);
  expect(events.length).toBeGreaterThan(0);
  // The time emitted is the event's @timestamp: the engine counts by one, the evidence shows the other.
  expect(times[0]).toBe(Date.parse(events[0]?.['@timestamp'] as string));
  return events.map((event) => event['@timestamp'] as string).slice(0, 1);
}

const fixture = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8').split(/\r?\n/);

// Lines whose time carries no zone, and the wall time they write. Europe/Berlin is an hour ahead
// of UTC in March (CET), two in July (CEST).
const ZONELESS: [string, string[], string][] = [
  [
    'sshd',
    ['Mar  4 10:00:01 web-01 sshd[4242]: Failed password for root from 203.0.113.7 port 52311 ssh2'],
    '2024-03-04T10:00:01',
  ],
  [
    'sshd',
    ['Jul 15 10:00:01 web-01 sshd[4242]: Failed password for root from 203.0.113.7 port 52311 ssh2'],
    '2024-07-15T10:00:01',
  ],
  [
    'sshd',
    ['2024-03-04T10:00:01.250 web-01 sshd[4242]: Failed password for root from 203.0.113.7 port 52311 ssh2'],
    '2024-03-04T10:00:01.250',
  ],
  [
    'sshd',
    [
      "Mon Mar  4 10:00:01 2024 authpriv.warn dropbear[3170]: Bad password attempt for 'root' from 203.0.113.7:52311",
    ],
    '2024-03-04T10:00:01',
  ],
  [
    'sshd',
    [
      'Mar  4 10:00:01 mail-01 exim[4242]: dovecot_login authenticator failed for (WIN-3HQ2) [203.0.113.10]:51012: 535 Incorrect authentication data (set_id=info@example.org)',
    ],
    '2024-03-04T10:00:01',
  ],
  [
    'vsftpd',
    ['Mon Mar  4 10:00:02 2024 [pid 1202] [admin] FAIL LOGIN: Client "203.0.113.9"'],
    '2024-03-04T10:00:02',
  ],
  [
    'exim',
    [
      '2024-03-04 10:00:02 dovecot_login authenticator failed for (WIN-3HQ2) [203.0.113.10]:51012: 535 Incorrect authentication data (set_id=info@example.org)',
    ],
    '2024-03-04T10:00:02',
  ],
  [
    'mssql',
    [
      "2024-03-04 10:00:01.20 Logon       Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: 203.0.113.80]",
    ],
    '2024-03-04T10:00:01.200',
  ],
  [
    'mysql',
    ["240304 10:00:01 [Warning] Access denied for user 'root'@'192.0.2.120' (using password: NO)"],
    '2024-03-04T10:00:01',
  ],
  [
    'mysql',
    ["2024-03-04 10:00:03 5907 [Warning] Access denied for user 'root'@'192.0.2.120' (using password: YES)"],
    '2024-03-04T10:00:03',
  ],
  [
    'roundcube',
    [
      '[04-Mar-2024 10:00:01]: IMAP Error: Login failed for admin@example.org against localhost from 203.0.113.60. AUTHENTICATE PLAIN: A0002 NO [AUTHENTICATIONFAILED] Authentication failed. in /var/www/roundcube/program/lib/Roundcube/rcube_imap.php on line 211 (POST /?_task=login&_action=login)',
    ],
    '2024-03-04T10:00:01',
  ],
  [
    'vaultwarden',
    [
      '[2024-03-04 10:00:01.129][vaultwarden::api::identity][ERROR] Username or password is incorrect. Try again. IP: 203.0.113.110. Username: alice@example.org.',
    ],
    '2024-03-04T10:00:01.129',
  ],
  [
    'web-error-log',
    [
      '[Mon Mar 04 10:00:01.123456 2024] [auth_basic:error] [pid 1201:tid 140001] [client 192.0.2.90:51001] AH01617: user alice: authentication failure for "/admin": Password Mismatch',
    ],
    '2024-03-04T10:00:01.123',
  ],
  [
    'gitlab',
    [
      '{"severity":"INFO","time":"2024-03-04T10:00:01.667","correlation_id":"01H","message":"Failed Login: username=admin ip=203.0.113.140"}',
    ],
    '2024-03-04T10:00:01.667',
  ],
  [
    'grafana',
    [
      't=2024-03-04T10:00:01 lvl=eror msg="Invalid username or password" logger=context userId=0 orgId=0 uname= error="Invalid Username or Password" remote_addr=203.0.113.150',
    ],
    '2024-03-04T10:00:01',
  ],
  [
    'dovecot',
    [
      'Mar  4 10:00:01 imap-login: Info: Disconnected (auth failed, 3 attempts in 12 secs): user=<info@example.org>, method=PLAIN, rip=203.0.113.160, lip=192.0.2.25, TLS, session=<a1b2c3>',
    ],
    '2024-03-04T10:00:01',
  ],
  [
    'asterisk',
    [
      "[2024-03-04 10:00:01] NOTICE[1638] chan_sip.c: Registration from '<sip:301@pbx.example.org>' failed for '192.0.2.150' - Wrong password",
    ],
    '2024-03-04T10:00:01',
  ],
  ['wineventlog', fixture('./windows-text/testdata/splunk-wineventlog.txt'), '2024-03-04T10:00:00'],
  ['windows-csv', fixture('./windows-csv/testdata/security.csv'), '2024-03-04T10:00:05'],
];

// Lines that write their zone or offset: read as written, whatever zone is given.
const ZONED: [string, string[], string][] = [
  [
    'sshd',
    [
      '2024-03-04T10:00:01.250+01:00 web-01 sshd[4242]: Failed password for root from 203.0.113.7 port 52311 ssh2',
    ],
    '2024-03-04T09:00:01.250Z',
  ],
  [
    'sshd',
    [
      '<38>1 2024-03-04T10:00:01Z web-01 sshd 4242 - - Failed password for root from 203.0.113.7 port 52311 ssh2',
    ],
    '2024-03-04T10:00:01.000Z',
  ],
  [
    'exim',
    [
      '2024-03-04 10:00:02 -0500 dovecot_login authenticator failed for (WIN-3HQ2) [203.0.113.10]:51012: 535 Incorrect authentication data (set_id=info@example.org)',
    ],
    '2024-03-04T15:00:02.000Z',
  ],
  [
    'mysql',
    [
      "2024-03-04T10:00:06.634875Z 113 [Note] [MY-010926] [Server] Access denied for user 'root'@'192.0.2.120' (using password: YES)",
    ],
    '2024-03-04T10:00:06.634Z',
  ],
  [
    'roundcube',
    [
      '[04-Mar-2024 10:00:01 +0100]: IMAP Error: Login failed for admin@example.org against localhost from 203.0.113.60. AUTHENTICATE PLAIN: A0002 NO [AUTHENTICATIONFAILED] Authentication failed. in /var/www/roundcube/program/lib/Roundcube/rcube_imap.php on line 211 (POST /?_task=login&_action=login)',
    ],
    '2024-03-04T09:00:01.000Z',
  ],
  [
    'vaultwarden',
    ['2024-03-04 10:00:07.008 +08:00 [WRN] Failed login attempt. 203.0.113.120'],
    '2024-03-04T02:00:07.008Z',
  ],
  [
    'gitlab',
    ['2024-03-04T10:00:01.667Z: Failed Login: username=admin ip=203.0.113.140'],
    '2024-03-04T10:00:01.667Z',
  ],
  [
    'grafana',
    [
      't=2024-03-04T10:00:01+0100 lvl=eror msg="Invalid username or password" logger=context userId=0 orgId=0 uname= error="Invalid Username or Password" remote_addr=203.0.113.150',
    ],
    '2024-03-04T09:00:01.000Z',
  ],
  [
    'grafana',
    [
      't=2024-03-04T10:00:01.123+02:00 level=error msg="Invalid username or password" logger=context userId=0 orgId=0 uname=admin error="invalid username or password" remote_addr=203.0.113.151',
    ],
    '2024-03-04T08:00:01.123Z',
  ],
  [
    'gitlab',
    [
      '{"severity":"INFO","time":"2024-03-04T10:00:01.667-05:00","correlation_id":"01H","message":"Failed Login: username=admin ip=203.0.113.140"}',
    ],
    '2024-03-04T15:00:01.667Z',
  ],
];

describe('times a log writes without a zone', () => {
  it.each(ZONELESS)(
    '%s: read as UTC by default, in the zone given when there is one',
    (format, lines, wall) => {
      expect(timesOf(format, lines)).toEqual([new Date(`${wall}Z`).toISOString()]);
      const berlin = Date.parse(`${wall}Z`) - (wall.startsWith('2024-07') ? 2 : 1) * 3_600_000;
      expect(timesOf(format, lines, 'Europe/Berlin')).toEqual([new Date(berlin).toISOString()]);
      expect(timesOf(format, lines, '-05:00')).toEqual([
        new Date(Date.parse(`${wall}Z`) + 5 * 3_600_000).toISOString(),
      ]);
    },
  );

  it.each(ZONED)(
    '%s: a time with its zone is read as written, whatever zone is given',
    (format, lines, instant) => {
      expect(timesOf(format, lines)).toEqual([instant]);
      expect(timesOf(format, lines, 'Asia/Tokyo')).toEqual([instant]);
    },
  );

  it("are read the same by the sshd parser's plain path as by its fast one", () => {
    const line =
      'Oct 27 02:30:00 web-01 sshd[4242]: Failed password for root from 203.0.113.7 port 52311 ssh2';
    const options = { year: 2024, timeZone: 'Europe/Berlin' };
    const sshd = findParser('sshd') as NonNullable<ReturnType<typeof findParser>>;
    const fast = parseAll(sshd.create(options), [line]);
    const plain = parseAll(sshd.create({ ...options, plain: true } as typeof options), [line]);
    // 02:30 comes twice that night in Berlin: its first instant, still summer time.
    expect(fast.events[0]?.['@timestamp']).toBe('2024-10-27T00:30:00.000Z');
    expect(plain.events[0]?.['@timestamp']).toBe('2024-10-27T00:30:00.000Z');
  });

  it('follow an auth.log through the hour written twice, both passes in order, fast and plain', () => {
    // One failure every 20 minutes from 01:40 CEST to 03:20 CET: 02:00, 02:20 and 02:40 come twice.
    const instants = Array.from(
      { length: 9 },
      (_, step) => Date.parse('2024-10-26T23:40:00Z') + step * 1_200_000,
    );
    const lines = instants.map((instant) => {
      const wall = new Date(instant + (instant < Date.parse('2024-10-27T01:00:00Z') ? 2 : 1) * 3_600_000);
      const clock = wall.toISOString().slice(11, 19);
      return `Oct 27 ${clock} web-01 sshd[4242]: Failed password for root from 203.0.113.7 port 52311 ssh2`;
    });
    const options = { year: 2024, timeZone: 'Europe/Berlin' };
    const sshd = findParser('sshd') as NonNullable<ReturnType<typeof findParser>>;
    for (const parser of [sshd.create(options), sshd.create({ ...options, plain: true } as typeof options)]) {
      expect(parseAll(parser, lines).times).toEqual(instants);
    }
  });
});
