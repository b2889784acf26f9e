import { describe, expect, it } from 'vitest';
import { parseSyslogLine } from './parse-syslog-line.ts';
import { createYearResolver } from './year-resolver.ts';
import type { SyslogLine } from './syslog-line.ts';

const parse = (line: string): SyslogLine | undefined =>
  parseSyslogLine(line, createYearResolver({ year: 2017 }));
const at = (iso: string): number => Date.parse(iso);

describe('parseSyslogLine with RFC 3164 lines', () => {
  it.each<[string, string, Partial<SyslogLine>]>([
    [
      'a standard auth.log line',
      'Mar 27 13:06:56 ip-10-77-20-248 sshd[1291]: Server listening on 0.0.0.0 port 22.',
      {
        timestamp: at('2017-03-27T13:06:56Z'),
        hostname: 'ip-10-77-20-248',
        program: 'sshd',
        pid: 1291,
        message: 'Server listening on 0.0.0.0 port 22.',
      },
    ],
    [
      'a single-digit day padded with a space',
      'Apr  3 07:00:01 host CRON[42]: pam_unix(cron:session): session opened',
      { timestamp: at('2017-04-03T07:00:01Z'), program: 'CRON', pid: 42 },
    ],
    [
      'a single-digit day without padding',
      'Apr 3 07:00:01 host CRON[42]: x',
      { timestamp: at('2017-04-03T07:00:01Z') },
    ],
    ['a zero-padded day', 'Apr 03 07:00:01 host CRON[42]: x', { timestamp: at('2017-04-03T07:00:01Z') }],
    [
      'a <PRI> in front',
      '<38>Mar 27 13:06:56 host sshd[7]: hello',
      { priority: 38, timestamp: at('2017-03-27T13:06:56Z'), hostname: 'host', message: 'hello' },
    ],
    [
      'a program without pid and a message with leading spaces',
      'Mar 27 13:09:37 ip-10-77-20-248 sudo:   ubuntu : TTY=pts/0 ; COMMAND=/bin/ls',
      { program: 'sudo', pid: undefined, message: 'ubuntu : TTY=pts/0 ; COMMAND=/bin/ls' },
    ],
    [
      'no host name',
      'Mar 27 13:06:56 sshd[3]: no host here',
      { hostname: undefined, program: 'sshd', pid: 3, message: 'no host here' },
    ],
    [
      'no tag (sysklogd repeat line)',
      'Mar 27 13:06:56 host last message repeated 3 times',
      { hostname: 'host', program: undefined, message: 'last message repeated 3 times' },
    ],
    [
      'a program with a slash and an IPv6 host',
      'Mar 27 13:06:56 2001:db8::1 postfix/smtpd[99]: connect',
      { hostname: '2001:db8::1', program: 'postfix/smtpd', pid: 99, message: 'connect' },
    ],
    ['a trailing carriage return', 'Mar 27 13:06:56 host sshd[3]: crlf\r', { message: 'crlf' }],
    ['an empty message', 'Mar 27 13:06:56 host sshd[3]:', { program: 'sshd', message: '' }],
    [
      'an ISO 8601 timestamp with offset',
      '2017-03-27T13:06:56.123+02:00 host program[12]: message',
      { timestamp: at('2017-03-27T11:06:56.123Z'), hostname: 'host', program: 'program', pid: 12 },
    ],
    [
      'an ISO 8601 timestamp in UTC with microseconds',
      '2024-02-29T23:59:59.123456Z host sshd-session[5]: m',
      { timestamp: at('2024-02-29T23:59:59.123Z'), program: 'sshd-session' },
    ],
    [
      'an ISO 8601 timestamp with a negative offset and no colon',
      '2017-03-27T13:06:56-0130 host p: m',
      { timestamp: at('2017-03-27T14:36:56Z') },
    ],
    [
      'an ISO 8601 timestamp without zone, as UTC',
      '2017-03-27T13:06:56 host p: m',
      { timestamp: at('2017-03-27T13:06:56Z') },
    ],
    [
      "macOS's `log show --style syslog` form: a space for the T, microseconds, two spaces before the host",
      '2020-03-23 06:47:42.801612-0700  localhost sshd[3186]: error: PAM: unknown user',
      {
        timestamp: at('2020-03-23T13:47:42.801Z'),
        hostname: 'localhost',
        program: 'sshd',
        pid: 3186,
        message: 'error: PAM: unknown user',
      },
    ],
    [
      'an ISO 8601 timestamp with a space for the T and no zone, as UTC',
      '2017-03-27 13:06:56 host p[4]: m',
      { timestamp: at('2017-03-27T13:06:56Z'), hostname: 'host', program: 'p', pid: 4 },
    ],
    [
      'a year between the day and the time',
      'Oct 27 2015 12:35:40 test1.example.net screensharingd[1170]: m',
      { timestamp: at('2015-10-27T12:35:40Z'), hostname: 'test1.example.net', program: 'screensharingd' },
    ],
    [
      '<PRI> and an ISO timestamp',
      '<86>2017-03-27T13:06:56+00:00 host sshd[1]: m',
      { priority: 86, timestamp: at('2017-03-27T13:06:56Z'), program: 'sshd' },
    ],
  ])('reads %s', (_name, line, expected) => {
    expect(parse(line)).toMatchObject(expected);
  });

  it('keeps the program but no pid when the pid is too long to be one (found by fuzzing)', () => {
    const line = parse('Mar 27 13:06:56 host sshd[1471999999999999999999999999999999996]: x');
    expect(line).toMatchObject({ program: 'sshd', pid: undefined, message: 'x' });
    expect(parse('Mar 27 13:06:56 host sshd[4294967295]: x')?.pid).toBe(4294967295);
    expect(parse('Mar 27 13:06:56 host sshd[4294967296]: x')?.pid).toBeUndefined();
  });

  it('keeps a bracket that is not a pid in the tag-less message', () => {
    expect(parse('Mar 27 13:06:56 host foo[abc]: x')).toMatchObject({
      program: undefined,
      message: 'foo[abc]: x',
    });
  });
});

describe('parseSyslogLine with RFC 5424 lines', () => {
  it('reads every header field and the message', () => {
    expect(
      parse(
        '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog 123 ID47 [exampleSDID@32473 iut="3" eventSource="App\\]x"] An application event',
      ),
    ).toEqual({
      timestamp: at('2003-10-11T22:14:15.003Z'),
      priority: 165,
      hostname: 'mymachine.example.com',
      program: 'evntslog',
      pid: 123,
      msgId: 'ID47',
      structuredData: '[exampleSDID@32473 iut="3" eventSource="App\\]x"]',
      message: 'An application event',
    });
  });

  it('maps nil values to undefined and strips the BOM', () => {
    expect(parse("<34>1 2003-10-11T22:14:15.003Z host su - - - \uFEFF'su root' failed")).toEqual({
      timestamp: at('2003-10-11T22:14:15.003Z'),
      priority: 34,
      hostname: 'host',
      program: 'su',
      pid: undefined,
      msgId: undefined,
      structuredData: undefined,
      message: "'su root' failed",
    });
  });

  it('reads no pid from a PROCID too long to be one', () => {
    expect(parse('<13>1 2003-10-11T22:14:15.003Z h app 99999999999999999999 - - m')?.pid).toBeUndefined();
    expect(parse('<13>1 2003-10-11T22:14:15.003Z h app 4294967296 - - m')?.pid).toBeUndefined();
    expect(parse('<13>1 2003-10-11T22:14:15.003Z h app 4294967295 - - m')?.pid).toBe(4294967295);
  });

  it('gives NaN for the nil timestamp', () => {
    const line = parse('<13>1 - host app 1 - - msg');
    expect(line?.timestamp).toBeNaN();
    expect(line?.message).toBe('msg');
  });

  it('reads several structured data elements and no message', () => {
    expect(parse('<13>1 2020-01-01T00:00:00Z h a 1 m [a@1 x="1"][b@2 y="]"]')).toMatchObject({
      structuredData: '[a@1 x="1"][b@2 y="]"]',
      message: '',
    });
  });

  it('keeps a non-numeric PROCID out of pid', () => {
    expect(parse('<13>1 2020-01-01T00:00:00Z h app worker-3 - - m')).toMatchObject({
      program: 'app',
      pid: undefined,
    });
  });
});

describe("parseSyslogLine with OpenWrt's logread lines", () => {
  it('reads the ctime timestamp with its own year, the facility and level as the priority, and no host', () => {
    expect(parse('Sun Mar  3 10:41:02 2024 authpriv.warn dropbear[3170]: Bad password attempt')).toEqual({
      timestamp: at('2024-03-03T10:41:02Z'),
      priority: 10 * 8 + 4,
      hostname: undefined,
      program: 'dropbear',
      pid: 3170,
      msgId: undefined,
      structuredData: undefined,
      message: 'Bad password attempt',
    });
  });

  it('takes the exact time from `logread -t` stamps', () => {
    expect(
      parse('Sun Mar  3 10:41:03 2024 [1709462463.456] daemon.notice netifd: Interface up'),
    ).toMatchObject({ timestamp: 1709462463456, priority: 3 * 8 + 5, program: 'netifd', pid: undefined });
  });

  it('reads kernel lines as the program kernel', () => {
    expect(parse('Mon Dec 30 23:59:59 2024 kern.err kernel: [   12.345] oops')).toMatchObject({
      timestamp: at('2024-12-30T23:59:59Z'),
      priority: 3,
      program: 'kernel',
      message: '[   12.345] oops',
    });
  });

  it.each([
    ['an unknown weekday', 'Sux Mar  3 10:41:02 2024 authpriv.warn dropbear[1]: x'],
    ['no year', 'Sun Mar  3 10:41:02 authpriv.warn dropbear[1]: x'],
    ['an unknown facility', 'Sun Mar  3 10:41:02 2024 router.warn dropbear[1]: x'],
    ['an unknown level', 'Sun Mar  3 10:41:02 2024 authpriv.loud dropbear[1]: x'],
    ['a host in place of the facility', 'Sun Mar  3 10:41:02 2024 gw dropbear[1]: x'],
    ['a garbled stamp', 'Sun Mar  3 10:41:02 2024 [17094624.4] authpriv.warn dropbear[1]: x'],
    ['nothing after the facility', 'Sun Mar  3 10:41:02 2024 authpriv.warn'],
  ])('rejects %s', (_name, line) => {
    expect(parse(line)).toBeUndefined();
  });
});

describe('parseSyslogLine rejects', () => {
  it.each([
    ['an empty line', ''],
    ['free text', 'hello world'],
    ['a JSON document', '{"@timestamp":"2017-03-27T13:06:56Z"}'],
    ['an unknown month', 'Foo 27 13:06:56 host sshd[1]: x'],
    ['an hour of 24', 'Mar 27 24:06:56 host sshd[1]: x'],
    ['day 0', 'Mar  0 13:06:56 host sshd[1]: x'],
    ['a missing space after the time', 'Mar 27 13:06:56host sshd[1]: x'],
    ['an ISO date with month 13', '2017-13-27T13:06:56Z host p: x'],
    ['a PRI over 191', '<192>Mar 27 13:06:56 host sshd[1]: x'],
    ['a PRI without closing bracket', '<34 Mar 27 13:06:56 host sshd[1]: x'],
    ['RFC 5424 with a missing field', '<34>1 2003-10-11T22:14:15.003Z host app'],
    ['RFC 5424 with a nil structured data glued to text', '<34>1 2003-10-11T22:14:15.003Z h a p m -msg'],
    ['RFC 5424 with unterminated structured data', '<34>1 2003-10-11T22:14:15.003Z h a p m [x@1 a="b" msg'],
    ['a timestamp followed by nothing', 'Mar 27 13:06:56 '],
  ])('%s', (_name, line) => {
    expect(parse(line)).toBeUndefined();
  });
});
