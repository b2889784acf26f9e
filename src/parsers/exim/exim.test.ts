import { describe, expect, it } from 'vitest';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { eximParser } from './index.ts';

// Exim main log lines written for these tests after smtp_in.c's `authenticator failed for` message,
// its host-and-ident text and the log selectors that add to it (+pid, +millisec, log_timezone,
// +incoming_port, +incoming_interface).
const MAINLOG = fixtureLines(new URL('./testdata/mainlog', import.meta.url));

const summary = (event: SecurityEvent) => [
  event['@timestamp'],
  (event.user as { name: string } | undefined)?.name,
  event.source,
];

describe("Exim's main log", () => {
  const parser = eximParser.create({});
  const { events, skips } = parseLines(parser, MAINLOG);
  const at = (ip: string, more: Record<string, unknown> = {}) => ({ address: ip, ip, ...more });

  it('gives each refused SMTP AUTH, in every form of the host text, from the address Exim wrote first', () => {
    const failures = events.filter((event) => event.event.action === 'mail_auth_failure');
    expect(failures.map(summary)).toEqual([
      ['2024-03-04T10:00:02.000Z', 'info@example.org', at('203.0.113.10', { port: 51012 })],
      ['2024-03-04T10:00:03.000Z', 'admin', at('203.0.113.11', { port: 40022 })],
      ['2024-03-04T10:00:04.000Z', undefined, at('198.51.100.20', { domain: 'mail.example.net' })],
      [
        '2024-03-04T10:00:05.000Z',
        'sales',
        at('2001:db8::20', { domain: 'client.example.com', port: 60110 }),
      ],
      // log_timezone's zone and +millisec; +pid's process id.
      ['2024-03-04T09:00:06.123Z', 'root', at('203.0.113.12')],
      // A summary of three.
      ['2024-03-04T10:00:07.000Z', undefined, at('203.0.113.13')],
      ['2024-03-04T10:00:07.000Z', undefined, at('203.0.113.13')],
      ['2024-03-04T10:00:07.000Z', undefined, at('203.0.113.13')],
      ['2024-03-04T10:00:08.000Z', 'test@example.org', at('203.0.113.14')],
      // The user (set_id) held a failure line of its own: it follows the address Exim wrote.
      [
        '2024-03-04T10:00:09.000Z',
        'x) [198.51.100.66]:1: 535 Incorrect authentication data (set_id=y',
        at('203.0.113.15', { port: 1234 }),
      ],
    ]);
    expect(events[0]).toMatchObject({
      event: {
        action: 'mail_auth_failure',
        outcome: 'failure',
        category: ['authentication'],
        module: 'exim',
        dataset: 'exim.main',
        reason: 'dovecot_login authenticator failed: 535 Incorrect authentication data',
      },
      service: { name: 'smtp' },
      process: { name: 'exim' },
    });
    expect(failures[4]).toMatchObject({ process: { name: 'exim', pid: 4242 } });
    expect(failures[8]).toMatchObject({ process: { name: 'exim', pid: 29786 }, host: { name: 'mx1' } });
  });

  it('counts no failure that tried no password, and skips what is not its log', () => {
    // 435 (the authentication server gone), 501 (bad base64), a message that arrived after a good
    // AUTH, connections. AUTH where none was offered tried no password either: it is a protocol
    // violation (see below).
    expect(skips).toEqual([
      'exim-line-unused',
      'exim-line-unused',
      ...Array<null>(8).fill(null),
      'exim-line-unused',
      'exim-line-unused',
      null,
      'exim-line-unused',
      'exim-line-unused',
      'not-exim-main-log',
    ]);
    expect(events.at(-1)?.event.action).toBe('smtp_protocol_violation');
  });

  it('is told from other logs by its own messages, not by its time alone', () => {
    const choice = chooseParser(MAINLOG.slice(0, -1));
    expect(choice.kind === 'found' && choice.parser.format).toBe('exim');
    const isoSyslog = chooseParser([
      '2024-03-04 10:00:00 web-01 sshd[7]: Invalid user a from 192.0.2.1 port 5',
    ]);
    expect(isoSyslog.kind === 'found' && isoSyslog.parser.format).toBe('sshd');
    expect(eximParser.sniff(['2024-03-04 10:00:00 some other program said this'])).toBe(0);
  });
});

describe("Exim's lines in syslog, read by the sshd parser", () => {
  it('are the same failures, under the process name exim or exim4', () => {
    const { events, skips } = parse([
      'Mar  4 10:00:01 mx exim[812]: dovecot_login authenticator failed for (pc) [203.0.113.30]:5501: 535 Incorrect authentication data (set_id=bob)',
      'Mar  4 10:00:02 mx exim4[813]: login authenticator failed for H=(pc) [203.0.113.31]: 535 Incorrect authentication data',
      'Mar  4 10:00:03 mx exim[814]: SMTP connection from [203.0.113.30]:5501 lost',
    ]);
    expect(skips.slice(0, 2)).toEqual([null, null]);
    expect(skips[2]).not.toBeNull();
    expect(events.map(summary)).toEqual([
      ['2024-03-04T10:00:01.000Z', 'bob', { address: '203.0.113.30', ip: '203.0.113.30', port: 5501 }],
      ['2024-03-04T10:00:02.000Z', undefined, { address: '203.0.113.31', ip: '203.0.113.31' }],
    ]);
    expect(events[1]).toMatchObject({
      event: { module: 'exim', action: 'mail_auth_failure' },
      process: { name: 'exim4', pid: 813 },
      host: { name: 'mx' },
    });
  });
});

describe("Exim's refused relays and unknown recipients", () => {
  it('are mail_relay_denied and mail_recipient_unknown from the address in its host text, in its log and in syslog', () => {
    // Written for this test after Exim's ACL defaults (`relay not permitted`, `Unrouteable address`)
    // and the `Unknown user` many configurations' recipient checks give: a sender and a recipient of
    // the client's own, a message id first, a spam verdict that is neither.
    const lines = [
      '2024-03-04 10:00:00 H=(x) [203.0.113.139] F=<a@b.example> rejected RCPT <info@example.com>: Unknown user',
      '2024-03-04 10:00:01 [10099] H=(helo.example) [203.0.113.140]:3755 I=[192.0.2.1]:25 F=x@list.example rejected RCPT dir@elsewhere.example: relay not permitted',
      '2024-03-04 10:00:02 H=mail.example.org [198.51.100.141] F=<a@b.example> rejected RCPT <nobody@example.com>: Unrouteable address',
      '2024-03-04 10:00:03 1rZ9xY-0001Ab-Cd H=(x) [2001:db8::142] F=<> rejected RCPT <root@elsewhere.example>: relay not permitted',
      '2024-03-04 10:00:04 H=(x) [203.0.113.143] F=<a@b.example> rejected RCPT <x@y.example>: Sender verify failed',
      '2024-03-04 10:00:05 H=(x) [203.0.113.144] F=<a@b.example> rejected RCPT <x@y.example: relay not permitted> [198.51.100.9]: Sender verify failed',
    ];
    const { events, skips } = parseLines(eximParser.create({}), lines);
    const rows = (found: SecurityEvent[]) =>
      found.map((event) => [
        event.event.action,
        (event.source as { ip: string }).ip,
        (event.email as { to: { address: string[] } }).to.address,
      ]);
    expect(rows(events)).toEqual([
      ['mail_recipient_unknown', '203.0.113.139', ['info@example.com']],
      ['mail_relay_denied', '203.0.113.140', ['dir@elsewhere.example']],
      ['mail_recipient_unknown', '198.51.100.141', ['nobody@example.com']],
      ['mail_relay_denied', '2001:db8::142', ['root@elsewhere.example']],
    ]);
    expect(skips.slice(4)).toEqual(['exim-line-unused', 'exim-line-unused']);
    expect(events[2]).toMatchObject({
      event: { module: 'exim', type: ['denied'] },
      source: { domain: 'mail.example.org' },
    });
    const noMail = parseLines(eximParser.create({}), [
      '2024-03-04 10:00:06 no MAIL in SMTP connection from (helo.example) [203.0.113.146]:4444 I=[192.0.2.1]:25 D=0s C=EHLO,QUIT',
    ]);
    expect(noMail.events.map((event) => [event.event.action, (event.source as { ip: string }).ip])).toEqual([
      ['smtp_no_mail', '203.0.113.146'],
    ]);
    const syslog = parse([
      'Mar  4 10:00:06 mx exim[2211]: H=(helo.example) [203.0.113.145] F=<x@list.example> rejected RCPT <dir@elsewhere.example>: relay not permitted',
    ]);
    expect(rows(syslog.events)).toEqual([['mail_relay_denied', '203.0.113.145', ['dir@elsewhere.example']]]);
  });
});

describe("Exim's verdicts on clients that broke the protocol as bots do", () => {
  // Written for this test after smtp_in.c's synchronization, synprot_error and `dropped: too many`
  // messages, with the connection_id selector (4.98) on one.
  const { events, skips } = parseLines(
    eximParser.create({}),
    fixtureLines(new URL('./testdata/violations', import.meta.url)),
  );

  it('are smtp_protocol_violation from the address Exim wrote, whatever the client put in its words', () => {
    expect(
      events.map((event) => [event.event.action, (event.source as { ip: string }).ip, event.event.reason]),
    ).toEqual([
      ['smtp_protocol_violation', '203.0.113.40', 'pre-greeting traffic'],
      ['smtp_protocol_violation', '203.0.113.41', 'improper pipelining'],
      ['smtp_protocol_violation', '203.0.113.43', 'too many nonmail commands'],
      ['smtp_protocol_violation', '2001:db8::44', 'too many syntax or protocol errors'],
      ['smtp_protocol_violation', '203.0.113.45', 'AUTH command used when not advertised'],
      // The command held a host of its own: Exim's is the last, before its reason ends the line.
      ['smtp_protocol_violation', '203.0.113.46', 'AUTH command used when not advertised'],
      ['smtp_protocol_violation', '203.0.113.47', 'unrecognized command'],
      ['smtp_protocol_violation', '203.0.113.48', 'NTLM authentication mechanism not supported'],
    ]);
    expect(events[1]).toMatchObject({
      event: { module: 'exim', type: ['connection', 'denied'] },
      source: { domain: 'host.example.net' },
    });
    expect(events[2]).toMatchObject({ source: { domain: 'scan.example.org' } });
  });

  it('skips a pipelining line whose input names a second host, STARTTLS where none was offered, a bad address', () => {
    const unused = 'exim-line-unused';
    expect(skips).toEqual([null, null, unused, ...Array<null>(6).fill(null), unused, unused]);
  });
});
