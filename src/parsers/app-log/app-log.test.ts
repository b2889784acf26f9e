import { describe, expect, it } from 'vitest';
import { fixtureLines, parseLines, loginRow } from '../testdata/fixture-lines.ts';
import { chooseParser } from '../registry.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { appLogParser } from './index.ts';

// Nextcloud's first line is the CrowdSec hub's nextcloud-bf test line and Gitea's first its gitea-bf
// line; the others were written for these tests after the applications' messages: older versions'
// quotes, a user name holding the address text, the throttle notice, lines that are no login.
const NEXTCLOUD = fixtureLines(new URL('./testdata/nextcloud.log', import.meta.url));
const GITEA = fixtureLines(new URL('./testdata/gitea.log', import.meta.url));

const summary = (event: Record<string, unknown> & { event: { reason?: unknown } }) => [
  event['@timestamp'],
  (event.service as { name: string }).name,
  (event.user as { name?: string } | undefined)?.name,
  (event.source as { ip: string }).ip,
  event.event.reason,
];

describe("Nextcloud's log", () => {
  const { events, skips } = parseLines(appLogParser.create({}), NEXTCLOUD);

  it('gives each failed login from the remoteAddr Nextcloud wrote, the user the client named', () => {
    expect(events.map(summary)).toEqual([
      ['2022-01-16T15:42:37.000Z', 'nextcloud', 'foo', '2001:db8::d71', 'Login failed'],
      ['2024-03-04T09:00:01.000Z', 'nextcloud', 'admin', '203.0.113.170', 'Login failed'],
      [
        '2024-03-04T10:00:02.000Z',
        'nextcloud',
        'x (Remote IP: 198.51.100.66)',
        '203.0.113.171',
        'Login failed',
      ],
    ]);
    expect(events[0]).toMatchObject({ event: { action: 'login', outcome: 'failure', module: 'nextcloud' } });
    expect(skips.slice(3)).toEqual(['nextcloud-line-unused', 'nextcloud-line-unused']);
  });

  it('is recognised by its lines', () => {
    const choice = chooseParser(NEXTCLOUD);
    expect(choice.kind === 'found' && choice.parser.format).toBe('app-log');
  });
});

describe("Gitea's log", () => {
  const parsed = parseLines(appLogParser.create({ timeZone: '+01:00' }), GITEA);
  const { skips } = parsed;
  const forged = parsed.events.find((event) => event.event.action === 'log_address_forged');
  const events = parsed.events.filter((event) => event !== forged);

  it('gives each failed login from the address Gitea wrote after the user, its time in the zone given', () => {
    expect(events.map(summary)).toEqual([
      ['2022-03-01T11:57:58.000Z', 'gitea', 'test', '1.1.1.1', 'user does not exist'],
      ['2024-03-04T09:00:01.000Z', 'gitea', 'admin', '2001:db8::172', "user's password is invalid"],
      ['2024-03-04T09:00:03.000Z', 'gitea', 'bob', '203.0.113.174', 'user does not exist'],
    ]);
    expect(skips).toEqual([null, null, null, null, 'gitea-line-unused']);
  });

  it('reports a user name holding a second ` from ADDR:PORT: ` as a forged line, not a login', () => {
    expect(forged).toMatchObject({
      event: { action: 'log_address_forged', module: 'gitea' },
      related: { ip: ['198.51.100.66', '203.0.113.173'] },
    });
    expect(forged?.source).toBeUndefined();
  });

  it('is recognised by its lines', () => {
    const choice = chooseParser(GITEA);
    expect(choice.kind === 'found' && choice.parser.format).toBe('app-log');
  });
});

const AUTHELIA = fixtureLines(new URL('./testdata/authelia.log', import.meta.url));
const KEYCLOAK = fixtureLines(new URL('./testdata/keycloak.log', import.meta.url));
const JELLYFIN = fixtureLines(new URL('./testdata/jellyfin.log', import.meta.url));

// The first lines of each are the CrowdSec hub's test lines (authelia-bf, keycloak-logs,
// jellyfin-logs); the others were written for these tests after the applications' messages.
describe("Authelia's, Keycloak's and Jellyfin's logs", () => {
  const outcomes = (lines: string[]) => {
    const { events, skips } = parseLines(appLogParser.create({}), lines);
    return { rows: events.map((event) => [event.event.outcome, ...summary(event).slice(1)]), events, skips };
  };

  it("Authelia: a refused first or second factor, from its remote_ip, the user to the msg's last quote", () => {
    const { rows, skips } = outcomes(AUTHELIA);
    expect(rows).toEqual([
      ['failure', 'authelia', 'fakeuser1', '1.1.1.1', '1FA refused'],
      ['failure', 'authelia', 'fakeuser', '1.1.1.3', '1FA refused'],
      ['failure', 'authelia', 'realuser', '3.3.3.3', 'Duo refused'],
      ['failure', 'authelia', "x' remote_ip=198.51.100.66 y", '203.0.113.180', '1FA refused'],
      ['success', 'authelia', 'realuser', '127.0.0.1', '1FA accepted'],
    ]);
    // A line without a client (Authelia's start) is none of these applications' logins.
    expect(skips.at(-1)).toBe('not-app-log');
  });

  it('Keycloak: LOGIN_ERRORs that tried a password or an account, and a login; a second ipAddress is a forged line', () => {
    const { events, skips } = parseLines(appLogParser.create({}), KEYCLOAK);
    expect(
      events.map((event) => [
        event.event.action,
        event.event.outcome,
        (event.user as { name?: string })?.name,
        (event.source as { ip?: string })?.ip,
        event['@timestamp'],
      ]),
    ).toEqual([
      ['login', 'failure', 'user-a', '35.188.49.176', '2023-05-25T22:24:19.357Z'],
      ['login', 'failure', 'admin', '2001:db8::181', '2024-03-04T10:00:01.120Z'],
      ['log_address_forged', undefined, undefined, undefined, '2024-03-04T10:00:02.000Z'],
      ['login', 'success', 'alice', '203.0.113.184', '2024-03-04T10:00:04.000Z'],
    ]);
    expect(skips[3]).toBe('keycloak-line-unused');
  });

  it('Jellyfin: a denied request from the address that ends the line', () => {
    const { rows, skips } = outcomes(JELLYFIN);
    expect(rows).toEqual([
      ['failure', 'jellyfin', 'testuser', '127.0.0.1', 'Authentication request denied'],
      ['failure', 'jellyfin', 'testuser', '163.234.23.45', 'Authentication request denied'],
      [
        'failure',
        'jellyfin',
        'x has been denied (IP: 198.51.100.66)',
        '203.0.113.185',
        'Authentication request denied',
      ],
    ]);
    expect(rows.map((row) => row[0])).not.toContain('success');
    expect(skips.at(-1)).toBe('jellyfin-line-unused');
  });

  it.each([
    ['Authelia', AUTHELIA],
    ['Keycloak', KEYCLOAK],
    ['Jellyfin', JELLYFIN],
  ])('%s: recognised by its lines', (_name, lines) => {
    const choice = chooseParser(lines);
    expect(choice.kind === 'found' && choice.parser.format).toBe('app-log');
  });
});

describe("authentik's log", () => {
  // The first three lines are the CrowdSec hub's authentik-bf and authentik-logs test lines; the
  // others were written for this test: a user name holding a second client_ip, a logout, a failure
  // without a client, and a line of another of its loggers.
  const AUTHENTIK = fixtureLines(new URL('./testdata/authentik.log', import.meta.url));

  it('gives refused passwords and unknown users from client_ip, a login as a success, its zoneless time in the zone given', () => {
    const { events, skips } = parseLines(appLogParser.create({ timeZone: 'Europe/Paris' }), AUTHENTIK);
    expect(events.map((event) => [event.event.outcome, ...summary(event)])).toEqual([
      ['failure', '2023-10-17T15:31:29.487Z', 'authentik', 'user1', '1.1.1.1', 'unknown user'],
      ['failure', '2023-10-17T15:39:46.598Z', 'authentik', 'user1', '3.3.3.3', 'wrong password'],
      ['success', '2023-10-17T15:32:24.328Z', 'authentik', 'myuser', '1.2.3.4', 'login'],
      [
        'failure',
        '2024-03-04T09:00:01.250Z',
        'authentik',
        'x", "client_ip": "198.51.100.66',
        '203.0.113.190',
        'wrong password',
      ],
    ]);
    expect(skips.slice(4)).toEqual([
      'authentik-line-unused',
      'authentik-line-unused',
      'authentik-line-unused',
    ]);
  });

  it('is recognised by its lines', () => {
    const choice = chooseParser(AUTHENTIK);
    expect(choice.kind === 'found' && choice.parser.format).toBe('app-log');
  });
});

describe("Webmin's action log", () => {
  // The first line is the CrowdSec hub's webmin-bf test line; the others were written for this test:
  // an unknown user from an IPv6 address, another module's action, and a user name with spaces
  // that would move the address.
  const WEBMIN = fixtureLines(new URL('./testdata/webmin.log', import.meta.url));

  it("gives miniserv's refused logins, their local time read in the zone given", () => {
    const { events, skips } = parseLines(appLogParser.create({ timeZone: 'Europe/Berlin' }), WEBMIN);
    expect(events.map((event) => [event.event.outcome, ...summary(event)])).toEqual([
      ['failure', '2023-07-27T14:06:44.000Z', 'webmin', 'admin', '192.168.0.100', 'wrongpass'],
      ['failure', '2024-03-04T09:00:01.000Z', 'webmin', 'nobody', '2001:db8::5', 'nouser'],
    ]);
    expect(skips.slice(2)).toEqual(['webmin-line-unused', 'not-app-log']);
  });

  it('is recognised by its lines', () => {
    const choice = chooseParser(WEBMIN);
    expect(choice.kind === 'found' && choice.parser.format).toBe('app-log');
  });
});

describe("paperless-ngx's, Immich's and Guacamole's logs", () => {
  // The first lines of each are the CrowdSec hub's test lines (paperless-ngx-bf, immich-bf and
  // immich-logs, apache-guacamole_bf and _user_enum); the others were written for this test after
  // the applications' messages: colours, X-Forwarded-For chains, user names naming a second
  // address, lines that are no login.
  const read = (name: string) => {
    const { events, skips } = parseLines(
      appLogParser.create({}),
      fixtureLines(new URL(`./testdata/${name}.log`, import.meta.url)),
    );
    const rows = events.map((event) =>
      event.event.action === 'log_address_forged'
        ? ['forged', (event.related as { ip: string[] }).ip]
        : [
            event.event.outcome,
            event['@timestamp'],
            (event.user as { name?: string }).name,
            (event.source as { ip: string }).ip,
          ],
    );
    return { rows, skips: skips.filter((skip) => skip !== null) };
  };

  it('paperless-ngx: the address in the last quotes, its full stop left out; a second one is a forged line', () => {
    expect(read('paperless')).toEqual({
      rows: [
        ['failure', '2023-06-30T15:17:36.332Z', 'test6priv', '2001:db8::b6d3:95d7:1425:766d'],
        ['failure', '2023-06-30T18:03:14.266Z', 'test4publegacy', '192.168.0.100'],
        ['forged', ['198.51.100.66', '203.0.113.203']],
      ],
      skips: ['paperless-line-unused', 'not-app-log'],
    });
  });

  it("Immich: NestJS's US date and 12- or 24-hour clock, its colours left out; a second address is a forged line", () => {
    expect(read('immich')).toEqual({
      rows: [
        ['failure', '2023-08-02T19:32:47.000Z', 'azaz@qsqs.com', '192.168.0.254'],
        ['failure', '2023-08-02T07:34:03.000Z', 'fds@hdd.com', '176.172.44.212'],
        ['failure', '2024-03-04T10:00:01.000Z', 'alice@example.org', '203.0.113.204'],
        ['forged', ['198.51.100.66', '203.0.113.205']],
      ],
      skips: ['immich-line-unused'],
    });
  });

  it('Guacamole: the client behind its proxies, not what the client wrote into X-Forwarded-For', () => {
    expect(read('guacamole')).toEqual({
      rows: [
        // Every address private: the leftmost, the one the first proxy saw.
        ['failure', '2023-04-06T09:13:34.820Z', 'test', '127.0.0.1'],
        ['failure', '2024-03-04T10:00:01.000Z', 'admin', '203.0.113.206'],
        // 198.51.100.66 is the client's own X-Forwarded-For; the proxy appended the address it saw.
        ['failure', '2024-03-04T10:00:02.000Z', 'admin', '203.0.113.207'],
        ['success', '2024-03-04T10:00:03.000Z', 'alice', '203.0.113.208'],
        ['forged', ['198.51.100.67', '10.0.0.2']],
      ],
      // Guacamole's default pattern writes no date: the line cannot be placed in time.
      skips: ['not-app-log'],
    });
  });

  it.each(['paperless', 'immich', 'guacamole'])('%s: recognised by its lines', (name) => {
    const choice = chooseParser(fixtureLines(new URL(`./testdata/${name}.log`, import.meta.url)));
    expect(choice.kind === 'found' && choice.parser.format).toBe('app-log');
  });
});

describe('more self-hosted applications, appliances and hosting panels', () => {
  // Each fixture's first line (Uptime Kuma's, Audiobookshelf's and cPanel's first two) is the
  // CrowdSec hub's test line for the application; the others were written for this test after the
  // application's messages: a user name naming a second address, a login, a line that is none.
  type Row = (string | string[] | undefined)[];
  const read = (name: string): { rows: Row[]; skips: (string | null)[] } => {
    const lines = fixtureLines(new URL(`./testdata/${name}.log`, import.meta.url));
    const { events, skips } = parseLines(appLogParser.create({}), lines);
    const rows = events.map((event): Row =>
      event.event.action === 'log_address_forged'
        ? ['forged', (event.related as { ip: string[] }).ip]
        : [
            event.event.outcome,
            event['@timestamp'],
            (event.user as { name?: string } | undefined)?.name,
            (event.source as { ip: string }).ip,
            event.event.reason,
          ],
    );
    return { rows, skips: skips.filter((skip) => skip !== null) };
  };

  it.each<[string, Row[], string[]]>([
    [
      'emby',
      [['failure', '2022-02-14T18:01:07.092Z', undefined, '1.1.1.1', 'Invalid username or password entered']],
      ['emby-line-unused'],
    ],
    [
      'uptime-kuma',
      [
        ['failure', '2022-04-25T15:08:29.098Z', 'Test', '1.1.1.1', 'Incorrect username or password'],
        // A wrong two-factor token: the password was right.
        ['failure', '2022-04-25T15:08:37.450Z', 'Admin', '1.1.1.1', 'Invalid token provided'],
        ['forged', ['198.51.100.66', '203.0.113.212']],
      ],
      ['uptime-kuma-line-unused'],
    ],
    [
      'adguard-home',
      [['failure', '2023-02-21T08:05:56.233Z', undefined, '127.0.0.1', 'invalid username or password']],
      ['adguardhome-line-unused'],
    ],
    [
      'audiobookshelf',
      [
        ['failure', '2024-11-13T09:07:04.784Z', 'test', '192.168.1.1', 'Invalid password'],
        ['failure', '2024-11-13T09:07:05.896Z', 'Hfhh', '192.168.1.1', 'User not found'],
        ['forged', ['198.51.100.66', '203.0.113.214']],
      ],
      ['audiobookshelf-line-unused'],
    ],
    [
      'odoo',
      [
        ['failure', '2022-04-05T14:40:34.644Z', 'toto@mail.fr', '172.19.0.1', 'Login failed'],
        ['success', '2024-03-04T10:00:01.000Z', 'admin', '203.0.113.215', 'Login successful'],
        ['forged', ['198.51.100.66', '203.0.113.216']],
      ],
      ['odoo-line-unused'],
    ],
    [
      'cpanel',
      [
        [
          'failure',
          '2022-06-29T04:06:40.000Z',
          'Root',
          '1.2.3.4',
          'cpaneld: invalid cpanel user Root (has_cpuser_file failed)',
        ],
        [
          'failure',
          '2022-06-29T05:29:06.000Z',
          'toto@toto.com',
          '1.2.3.4',
          'whostmgrd: user password incorrect',
        ],
        // cPanel writes the address first: what the client put in its user name moves nothing.
        [
          'failure',
          '2024-03-04T10:00:02.000Z',
          'x" FAILED LOGIN cpaneld: y',
          '203.0.113.217',
          'cpaneld: user password incorrect',
        ],
      ],
      ['cpanel-line-unused'],
    ],
    [
      'litespeed',
      [
        ['failure', '2022-06-08T22:49:20.774Z', 'asdasd', '42.42.42.42', 'WebAdmin Console login failed'],
        // The connection's address, written before the message, not the `ip:` after the user.
        [
          'failure',
          '2024-03-04T10:00:01.000Z',
          'x ip:198.51.100.66 url:',
          '203.0.113.219',
          'WebAdmin Console login failed',
        ],
      ],
      ['litespeed-line-unused'],
    ],
    [
      'mikrotik',
      [
        ['failure', '2023-03-19T11:34:09.757Z', 'admin', '10.10.0.35', 'login failure via winbox'],
        ['forged', ['198.51.100.66', '203.0.113.221']],
        ['success', '2024-03-04T10:00:02.000Z', 'admin', '203.0.113.222', 'logged in via winbox'],
      ],
      ['mikrotik-line-unused'],
    ],
    [
      'navidrome',
      [['failure', '2025-01-30T05:07:30.000Z', undefined, '198.51.100.31', 'login refused (401)']],
      ['navidrome-line-unused'],
    ],
  ])('%s', (name, rows, skips) => {
    expect(read(name)).toEqual({ rows, skips });
    const choice = chooseParser(fixtureLines(new URL(`./testdata/${name}.log`, import.meta.url)));
    expect(choice.kind === 'found' && choice.parser.format).toBe('app-log');
  });
});

describe("Home Assistant's log", () => {
  it('gives each refused login or credential from the address its HTTP server saw; a forged reverse name is none', () => {
    // Written for this test after the message of Home Assistant's http.ban component (2021-2024):
    // a reverse name, an address that has none, IPv6, a PTR name holding a second address, a ban.
    const { events, skips } = parseLines(appLogParser.create({ timeZone: '+01:00' }), [
      "2024-03-04 10:00:01.123 WARNING (MainThread) [homeassistant.components.http.ban] Login attempt or request with invalid authentication from host-1.example.net (203.0.113.170). Requested URL: '/auth/login_flow/0123abcd'. (Mozilla/5.0 (X11; Linux x86_64))",
      '2024-03-04 10:00:02 WARNING (MainThread) [homeassistant.components.http.ban] Login attempt or request with invalid authentication from 203.0.113.171 (203.0.113.171). (Home Assistant/2024.2 (io.robbie.HomeAssistant))',
      "2024-03-04 10:00:03.500 WARNING (MainThread) [homeassistant.components.http.ban] Login attempt or request with invalid authentication from 2001:db8::172 (2001:db8::172). Requested URL: '/api/'. (curl/8.5.0)",
      "2024-03-04 10:00:04.000 WARNING (MainThread) [homeassistant.components.http.ban] Login attempt or request with invalid authentication from x (198.51.100.9) (203.0.113.173). Requested URL: '/'. (curl)",
      '2024-03-04 10:00:05.000 WARNING (MainThread) [homeassistant.components.http.ban] Banned IP 203.0.113.170 for too many login attempts',
    ]);
    expect(events.map(summary)).toEqual([
      ['2024-03-04T09:00:01.123Z', 'home-assistant', undefined, '203.0.113.170', 'invalid authentication'],
      ['2024-03-04T09:00:02.000Z', 'home-assistant', undefined, '203.0.113.171', 'invalid authentication'],
      ['2024-03-04T09:00:03.500Z', 'home-assistant', undefined, '2001:db8::172', 'invalid authentication'],
    ]);
    expect(skips.slice(3)).toEqual(['home-assistant-line-unused', 'home-assistant-line-unused']);
    expect(events[0]).toMatchObject({
      event: { action: 'login', outcome: 'failure', module: 'home-assistant' },
    });
  });
});

describe("Monit's own log", () => {
  // Written for this test after Monit's log lines (strftime's `%Z %b %e %T`) and its web interface's
  // messages, old and new.
  const lines = fixtureLines(new URL('./testdata/monit.log', import.meta.url));

  it("gives its web interface's refused logins, placed by the zone it names when that names one offset", () => {
    const { events, skips } = parseLines(appLogParser.create({ year: 2024 }), lines);
    expect(events.map(loginRow)).toEqual([
      ['2024-03-04T09:00:01.000Z', 'failure', 'admin', '203.0.113.230', 'wrong password'],
      ['2024-03-04T09:00:02.000Z', 'failure', 'root', '2001:db8::231', 'unknown user'],
      ['2024-03-04T17:00:03.000Z', 'failure', 'admin', '203.0.113.232', 'wrong password'],
      // tzdata's numeric abbreviation; the user, the client's, holds an address of its own.
      ['2024-03-04T07:00:04.000Z', 'failure', "x' from 198.51.100.9", '203.0.113.233', 'wrong password'],
      // CST names several offsets: the time is read in the zone the parser is given (UTC here).
      ['2024-03-04T10:00:05.000Z', 'failure', 'admin', '203.0.113.234', 'wrong password'],
      ['2024-03-04T10:00:06.000Z', 'failure', undefined, '203.0.113.235', 'empty password'],
    ]);
    expect(events[0]).toMatchObject({
      event: { action: 'login', module: 'monit', dataset: 'monit.log' },
      service: { name: 'monit' },
    });
    expect([skips[0], skips.at(-1)]).toEqual(['monit-line-unused', 'monit-line-unused']);
    const chicago = parseLines(appLogParser.create({ year: 2024, timeZone: 'America/Chicago' }), lines);
    expect(chicago.events[4]?.['@timestamp']).toBe('2024-03-04T16:00:05.000Z');
  });

  it('is recognised by its lines', () => {
    const choice = chooseParser(lines);
    expect(choice.kind === 'found' && choice.parser.format).toBe('app-log');
  });
});

describe("the applications' lines in syslog, read by the sshd parser", () => {
  it("are the same logins, at the syslog header's time, on its host", () => {
    // The first three are the CrowdSec hub's auth-generic-test lines (Jellyfin 10.9's console form:
    // no thread, its reason after the address); the others were written for this test.
    const { events, skips } = parse([
      'Jun 12 16:20:12 leto authentik: {"action": "login_failed", "auth_via": "unauthenticated", "client_ip": "1.2.3.4", "context": {"username": "crowdsec-test"}, "event": "Created Event", "host": "foo.mywebsite.com", "level": "info", "logger": "authentik.events.models", "pid": 290146, "timestamp": "2023-10-17T17:39:46.598288"}',
      'Jun 12 16:20:13 leto gitea: 2025/04/29 12:36:00 ...ers/web/auth/auth.go:217:SignInPost() [W] Failed authentication attempt for crowdsec-test from 1.1.1.1:48861: user does not exist [uid: 0, name: crowdsec-test]',
      'Jun 12 16:20:14 leto jellyfin: [2023-10-17 17:40:00.000 +00:00] [INF] Authentication request for "crowdsec-test" has been denied (IP: "1.2.3.4"). Reason: Invalid username or password entered.',
      'Mar  4 10:00:01 nas gitea[42]: 2024/03/04 10:00:01 ...ers/web/auth/auth.go:217:SignInPost() [W] Failed authentication attempt for x from 198.51.100.66:1: y from 203.0.113.224:2: user does not exist',
      'Mar  4 10:00:02 nas jellyfin[43]: [2024-03-04 10:00:02.000 +00:00] [INF] Startup complete 0:00:05.1',
      'Mar  4 10:00:03 nas someapp[44]: Authentication request for "a" has been denied (IP: "203.0.113.225").',
    ]);
    expect(
      events.map((event) => [
        event['@timestamp'],
        event.event.action,
        (event.service as { name: string }).name,
        (event.user as { name?: string } | undefined)?.name,
        (event.source as { ip?: string } | undefined)?.ip ?? (event.related as { ip: string[] }).ip,
        (event.host as { name: string }).name,
      ]),
    ).toEqual([
      ['2024-06-12T16:20:12.000Z', 'login', 'authentik', 'crowdsec-test', '1.2.3.4', 'leto'],
      ['2024-06-12T16:20:13.000Z', 'login', 'gitea', 'crowdsec-test', '1.1.1.1', 'leto'],
      ['2024-06-12T16:20:14.000Z', 'login', 'jellyfin', 'crowdsec-test', '1.2.3.4', 'leto'],
      [
        '2024-03-04T10:00:01.000Z',
        'log_address_forged',
        'gitea',
        undefined,
        ['198.51.100.66', '203.0.113.224'],
        'nas',
      ],
    ]);
    expect(skips.slice(4)).toEqual(['jellyfin-line-unused', 'not-sshd']);
  });

  it("read Guacamole's default pattern, which has a clock and no date, at the header's time", () => {
    // Written for this test after Guacamole 1.5's logback pattern, as Tomcat's journal and Docker's
    // syslog driver hand it on.
    const { events, skips } = parse([
      'Mar  4 10:00:01 gw tomcat9[812]: 10:00:00.123 [http-nio-8080-exec-3] WARN  o.a.g.r.auth.AuthenticationService - Authentication attempt from [203.0.113.226, 127.0.0.1] for user "guacadmin" failed.',
      'Mar  4 10:00:02 gw guacamole[813]: 10:00:02.500 [http-nio-8080-exec-4] INFO  o.a.g.r.auth.AuthenticationService - User "alice" successfully authenticated from 203.0.113.227.',
      'Mar  4 10:00:03 gw tomcat9[812]: 10:00:03.000 [main] INFO  o.a.g.extension.ExtensionModule - Extension "TOTP" loaded.',
      'Mar  4 10:00:04 gw tomcat9[812]: 04-Mar-2024 10:00:04.000 INFO [main] org.apache.catalina.startup.Catalina.start Server startup in [1520] milliseconds',
    ]);
    expect(
      events.map((event) => [
        event['@timestamp'],
        event.event.outcome,
        (event.user as { name: string }).name,
        (event.source as { ip: string }).ip,
        (event.service as { name: string }).name,
      ]),
    ).toEqual([
      ['2024-03-04T10:00:01.000Z', 'failure', 'guacadmin', '203.0.113.226', 'guacamole'],
      ['2024-03-04T10:00:02.000Z', 'success', 'alice', '203.0.113.227', 'guacamole'],
    ]);
    expect(skips.slice(2)).toEqual(['not-sshd', 'not-sshd']);
  });
});

describe("Zimbra's mailbox.log", () => {
  // The first three are the CrowdSec hub's zimbra-logs test lines; the others written for this test.
  const { events, skips } = parseLines(
    appLogParser.create({}),
    fixtureLines(new URL('./testdata/zimbra.log', import.meta.url)),
  );

  it("gives the web client's refused logins as an application's, SMTP's and IMAP's as a mail server's", () => {
    expect(
      events.map((event) => [
        event.event.action,
        (event.service as { name?: string } | undefined)?.name,
        (event.user as { name?: string } | undefined)?.name,
        (event.source as { ip?: string } | undefined)?.ip,
        event.event.reason,
      ]),
    ).toEqual([
      ['login', 'zimbra', 'dani@zmtest.fws.fr', '192.168.7.101', 'invalid password'],
      ['mail_auth_failure', 'smtp', 'sebastien.bouttier', '192.168.7.15', 'account not found'],
      ['mail_auth_failure', 'imap', 'dani@zmtest.fws.fr', '192.168.7.101', 'invalid password'],
      // The user agent the client sent held a second oip=: a forged line.
      ['log_address_forged', 'zimbra', undefined, undefined, expect.stringMatching(/^2 client addresses/)],
    ]);
    expect(events[1]).toMatchObject({
      '@timestamp': '2021-03-03T19:51:53.762Z',
      event: { module: 'zimbra' },
    });
    expect(skips.at(-1)).toBe('zimbra-line-unused');
    const choice = chooseParser(fixtureLines(new URL('./testdata/zimbra.log', import.meta.url)));
    expect(choice.kind === 'found' && choice.parser.format).toBe('app-log');
  });
});
