import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { accessLogParser } from './index.ts';

function parse(lines: string[]): { events: SecurityEvent[]; skips: (string | null)[] } {
  const parser = accessLogParser.create({});
  const events: SecurityEvent[] = [];
  const skips = lines.map((line) => parser.parseLine(line, (event) => events.push(event)));
  return { events, skips };
}

// Lines written for this test in the Combined and Common Log Formats (Apache's mod_log_config docs).
const COMBINED =
  '198.51.100.23 - alice [10/Oct/2000:13:55:36 -0700] "POST /wp-login.php?redirect_to=%2F HTTP/1.1" 401 2326 "https://blog.example.org/wp-login.php" "Mozilla/5.0 (X11; Linux x86_64) \\"quoted\\""';
const COMMON = '2001:db8::5 - - [04/Mar/2024:10:00:00 +0000] "GET /index.html HTTP/1.0" 304 -';

describe('access-log parser', () => {
  it('maps a Combined line to ECS', () => {
    const { events, skips } = parse([COMBINED]);
    expect(skips).toEqual([null]);
    expect(events[0]).toEqual({
      '@timestamp': '2000-10-10T20:55:36.000Z',
      event: {
        original: COMBINED,
        kind: 'event',
        module: 'web',
        dataset: 'web.access',
        category: ['web'],
        type: ['access'],
        action: 'http_request',
        outcome: 'failure',
      },
      source: { ip: '198.51.100.23' },
      user: { name: 'alice' },
      http: {
        request: { method: 'POST', referrer: 'https://blog.example.org/wp-login.php' },
        response: { status_code: 401, body: { bytes: 2326 } },
        version: '1.1',
      },
      url: { original: '/wp-login.php?redirect_to=%2F', path: '/wp-login.php', query: 'redirect_to=%2F' },
      user_agent: { original: 'Mozilla/5.0 (X11; Linux x86_64) "quoted"' },
      message: 'POST /wp-login.php?redirect_to=%2F HTTP/1.1 401',
    });
  });

  it('maps a Common line: no auth user, no body bytes, IPv6 source', () => {
    const { events } = parse([COMMON]);
    expect(events[0]).toMatchObject({
      '@timestamp': '2024-03-04T10:00:00.000Z',
      event: { outcome: 'success' },
      source: { ip: '2001:db8::5' },
      http: { request: { method: 'GET' }, response: { status_code: 304 }, version: '1.0' },
      url: { path: '/index.html' },
    });
    expect(events[0]?.user).toBeUndefined();
    expect(events[0]?.user_agent).toBeUndefined();
  });

  it('keeps a host name (HostnameLookups) as source.domain and a garbled request as url.original', () => {
    const { events } = parse([
      'crawler.example.net - - [04/Mar/2024:10:00:00 +0100] "\\x16\\x03\\x01" 400 157 "-" "-"',
    ]);
    expect(events[0]).toMatchObject({
      '@timestamp': '2024-03-04T09:00:00.000Z',
      source: { domain: 'crawler.example.net' },
      url: { original: '\\x16\\x03\\x01' },
      http: { response: { status_code: 400 } },
    });
    expect((events[0]?.http as { request?: unknown }).request).toBeUndefined();
  });

  it('reads a line behind a syslog header from its client on, not from the header', () => {
    const { events } = parse([
      'Sep 15 16:13:46 ip-172-31-43-28.us-east-2.compute.internal nginx[2869]: 81.150.104.130 - - [15/Sep/2021:16:13:46 +0000] "POST /wp-login.php HTTP/1.1" 200 5364 "-" "Mozilla/5.0"',
      '<190>2024-03-04T10:00:00+01:00 web-1 apache2: 198.51.100.7 - alice [04/Mar/2024:10:00:00 +0100] "GET /admin HTTP/1.1" 401 381',
      'Mar  4 10:00:01 web-1 nginx: 2001:db8::7 - - [04/Mar/2024:10:00:01 +0100] "GET / HTTP/1.1" 200 5',
    ]);
    expect(events.map((event) => [event.source, event.user, event['@timestamp']])).toEqual([
      [{ ip: '81.150.104.130' }, undefined, '2021-09-15T16:13:46.000Z'],
      [{ ip: '198.51.100.7' }, { name: 'alice' }, '2024-03-04T09:00:00.000Z'],
      [{ ip: '2001:db8::7' }, undefined, '2024-03-04T09:00:01.000Z'],
    ]);
    expect(events[0]?.event.original).toMatch(/^Sep 15 16:13:46 /);
  });

  it('counts and skips lines that are not access-log lines or carry a garbled time', () => {
    expect(
      parse([
        'Mar  4 10:00:00 host sshd[1]: Failed password for root from 1.2.3.4 port 5 ssh2',
        '198.51.100.1 - - [31/Feb/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 5',
        '198.51.100.1 - - [04/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1" 2000 5',
        '198.51.100.1 - - [04/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1 200 5',
      ]).skips,
    ).toEqual(['not-access-log', 'access-log-bad-time', 'not-access-log', 'not-access-log']);
  });

  it('is chosen for an access log', () => {
    const choice = chooseParser([COMBINED, COMMON, COMBINED]);
    expect(choice.kind === 'found' && choice.parser.format).toBe('access-log');
  });
});
