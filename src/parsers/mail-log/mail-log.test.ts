import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { MOST_ATTEMPTS } from './match-dovecot-login.ts';

// Lines written here after Postfix's smtpd_sasl_glue.c and Dovecot's login-common log formats,
// read by the sshd parser as mail.log is.
const summary = (event: SecurityEvent) => ({
  action: event.event.action,
  module: event.event.module,
  service: (event.service as { name: string }).name,
  user: (event.user as { name?: string } | undefined)?.name,
  source: event.source,
  reason: event.event.reason,
});

describe("Postfix's SMTP AUTH failures", () => {
  it('are one failed login each, from the address Postfix puts in brackets', () => {
    const { events, skips } = parse([
      'Mar  4 10:00:01 mx postfix/smtpd[7676]: warning: unknown[203.0.113.5]: SASL LOGIN authentication failed: UGFzc3dvcmQ6',
      'Mar  4 10:00:02 mx postfix/submission/smtpd[7677]: warning: mail.example.org[198.51.100.7]:55729: SASL PLAIN authentication failed:',
      'Mar  4 10:00:03 mx postfix-incoming/smtpd[7678]: warning: unknown[2001:db8::5]: SASL CRAM-MD5 authentication failed: authentication failure',
    ]);
    expect(skips).toEqual([null, null, null]);
    expect(events.map(summary)).toEqual([
      {
        action: 'mail_auth_failure',
        module: 'postfix',
        service: 'smtp',
        user: undefined,
        source: { address: '203.0.113.5', ip: '203.0.113.5' },
        reason: 'SASL LOGIN authentication failed: UGFzc3dvcmQ6',
      },
      {
        action: 'mail_auth_failure',
        module: 'postfix',
        service: 'smtp',
        user: undefined,
        source: { address: '198.51.100.7', ip: '198.51.100.7', domain: 'mail.example.org', port: 55729 },
        reason: 'SASL PLAIN authentication failed:',
      },
      {
        action: 'mail_auth_failure',
        module: 'postfix',
        service: 'smtp',
        user: undefined,
        source: { address: '2001:db8::5', ip: '2001:db8::5' },
        reason: 'SASL CRAM-MD5 authentication failed: authentication failure',
      },
    ]);
    expect(events[0]).toMatchObject({
      event: { category: ['authentication'], outcome: 'failure', dataset: 'postfix.smtpd' },
      process: { name: 'postfix/smtpd', pid: 7676 },
      host: { name: 'mx' },
    });
  });

  it('leaves out failures that tried no password, and the rest of what smtpd says', () => {
    const { events, skips } = parse([
      'Mar  4 10:00:04 mx postfix/smtpd[7679]: warning: unknown[203.0.113.5]: SASL LOGIN authentication failed: Connection lost to authentication server',
      'Mar  4 10:00:04 mx postfix/smtpd[7679]: warning: host[203.0.113.5]: SASL CRAM-MD5 authentication failed: Invalid authentication mechanism',
      'Mar  4 10:00:05 mx postfix/smtpd[7679]: connect from unknown[203.0.113.5]',
      'Mar  4 10:00:05 mx postfix/smtp[7680]: warning: unknown[203.0.113.5]: SASL LOGIN authentication failed: x',
      'Mar  4 10:00:05 mx postfix/smtpd[7679]: warning: unknown[not-an-ip]: SASL LOGIN authentication failed: x',
    ]);
    expect(events).toEqual([]);
    expect(skips).toEqual(['not-sshd', 'not-sshd', 'not-sshd', 'not-sshd', 'not-sshd']);
  });
});

/** A refusal of a client that tried no login: what, by which server, from where, why. */
const refusal = (event: SecurityEvent) => [
  event.event.action,
  event.event.module,
  (event.source as { ip: string }).ip,
  event.event.reason,
];

describe('SMTP connections that ended without a mail', () => {
  it("are smtp_no_mail from Postfix's disconnect summary without mail=, sendmail's and Exim's own words", () => {
    // Written for this test after Postfix 3's `disconnect from` statistics (before and after 3.5's
    // colon), sendmail's `did not issue MAIL/EXPN/VRFY/ETRN` and Exim's `no MAIL in SMTP connection`.
    const { events, skips } = parse([
      'Mar  4 10:00:01 mx postfix/smtpd[7681]: disconnect from unknown[203.0.113.180] ehlo=1 quit=1 commands=2',
      'Mar  4 10:00:02 mx postfix/smtpd[7683]: disconnect from host.example.org[203.0.113.182]: ehlo=1 auth=0/1 quit=1 commands=2/3',
      'Mar  4 10:00:03 mx postfix/smtpd[7684]: disconnect from unknown[2001:db8::183] commands=0/0',
      'Mar  4 10:00:04 mx sm-mta[20949]: v26LtRA0020949: some-host.example.org [192.0.2.194] (may be forged) did not issue MAIL/EXPN/VRFY/ETRN during connection to MTA',
      'Mar  4 10:00:05 mx exim[2211]: no MAIL in SMTP connection from (helo.example) [203.0.113.185]:4444 I=[192.0.2.1]:25 D=0s C=EHLO,QUIT',
      'Mar  4 10:00:06 mx postfix/smtpd[7682]: disconnect from mail.example.org[198.51.100.181] ehlo=2 starttls=1 mail=1 rcpt=1 data=1 quit=1 commands=7',
      'Mar  4 10:00:07 mx postfix/smtpd[7685]: disconnect from unknown[203.0.113.184]',
    ]);
    expect(events.map(refusal)).toEqual([
      ['smtp_no_mail', 'postfix', '203.0.113.180', 'no mail (ehlo=1 quit=1 commands=2)'],
      ['smtp_no_mail', 'postfix', '203.0.113.182', 'no mail (ehlo=1 auth=0/1 quit=1 commands=2/3)'],
      ['smtp_no_mail', 'postfix', '2001:db8::183', 'no mail (commands=0/0)'],
      ['smtp_no_mail', 'sendmail', '192.0.2.194', 'no mail'],
      ['smtp_no_mail', 'exim', '203.0.113.185', 'no mail'],
    ]);
    // A connection that sent mail, and Postfix 2's summary without statistics, are none.
    expect(skips.slice(5)).toEqual(['not-sshd', 'not-sshd']);
    expect(events[1]).toMatchObject({
      event: { category: ['email', 'network'], type: ['connection', 'end'] },
      source: { domain: 'host.example.org' },
    });
  });
});

describe('SMTP clients that broke the protocol as bots do', () => {
  it("are smtp_protocol_violation from Postfix smtpd's and postscreen's verdicts, the address Postfix wrote", () => {
    // Written for this test after Postfix smtpd's and postscreen's messages.
    const { events, skips } = parse(
      readFileSync(new URL('../sshd/testdata/smtp-violations.log', import.meta.url), 'utf8')
        .trimEnd()
        .split('\n'),
    );
    expect(
      events.map((event) => [event.event.action, (event.source as { ip: string }).ip, event.event.reason]),
    ).toEqual([
      ['smtp_protocol_violation', '203.0.113.190', 'improper command pipelining'],
      ['smtp_protocol_violation', '2001:db8::191', 'too many errors'],
      // The client's greeting names another address: Postfix's is in the brackets before it.
      ['smtp_protocol_violation', '203.0.113.192', 'pregreet'],
      ['smtp_protocol_violation', '203.0.113.193', 'command count limit'],
      ['smtp_protocol_violation', '203.0.113.194', 'non-smtp command'],
    ]);
    expect(events[1]).toMatchObject({
      event: { type: ['connection', 'denied'], module: 'postfix' },
      source: { domain: 'host.example.org' },
    });
    // postscreen's connections, and a name Postfix would not write.
    expect(skips.slice(-2)).toEqual(['not-sshd', 'not-sshd']);
  });
});

describe("sendmail's refusals of harvesters and floods", () => {
  it('are smtp_protocol_violation: EXPN and VRFY refused, talking before the greeting, too many connections', () => {
    // Written for this test after sendmail's PrivacyOptions, greet_pause and ClientRate messages.
    const { events, skips } = parse([
      'Mar  4 10:00:01 mx sm-mta[93301]: s1NKIkZa093301: [203.0.113.200]: EXPN root [rejected]',
      'Mar  4 10:00:02 mx sm-mta[4030]: s1MD2hsd004030: host.example.org [2001:db8::201]: vrfy info [rejected]',
      'Mar  4 10:00:03 mx sm-mta[44307]: s1R9r60D044307: rejecting commands from  [203.0.113.202] due to pre-greeting traffic after 0 seconds',
      'Mar  4 10:00:04 mx sm-mta[88390]: ruleset=check_relay, arg1=host.example.org, arg2=203.0.113.203, relay=host.example.org [203.0.113.203], reject=421 4.3.2 Connection rate limit exceeded.',
      'Mar  4 10:00:05 mx sm-mta[88391]: ruleset=check_relay, arg1=[203.0.113.204], arg2=203.0.113.204, relay=[203.0.113.204] (may be forged), reject=421 4.3.2 Too many open connections.',
      'Mar  4 10:00:06 mx sm-mta[93302]: s1NKIkZa093302: [203.0.113.205]: EXPN root [198.51.100.1] [accepted]',
    ]);
    expect(events.map(refusal)).toEqual([
      ['smtp_protocol_violation', 'sendmail', '203.0.113.200', 'EXPN rejected'],
      ['smtp_protocol_violation', 'sendmail', '2001:db8::201', 'VRFY rejected'],
      ['smtp_protocol_violation', 'sendmail', '203.0.113.202', 'pre-greeting traffic'],
      ['smtp_protocol_violation', 'sendmail', '203.0.113.203', 'connection rate limit exceeded'],
      ['smtp_protocol_violation', 'sendmail', '203.0.113.204', 'too many open connections'],
    ]);
    // An EXPN sendmail answered.
    expect(skips.at(-1)).toBe('not-sshd');
  });
});

describe("sendmail's refused relays and unknown recipients", () => {
  it('are mail_relay_denied and mail_recipient_unknown from the relay field, a second one not read', () => {
    // Written for this test after sendmail's check_rcpt reject lines: a relay (with and without a
    // verified name, an IPv6 client), an unknown user, a spam rejection, and a recipient holding a
    // relay field of its own.
    const { events, skips } = parse([
      'Mar  4 10:00:01 mx sm-mta[22248]: 424AaDQT022248: ruleset=check_rcpt, arg1=<victim@elsewhere.example>, relay=dsl-1.example.net [203.0.113.130] (may be forged), reject=550 5.7.1 <victim@elsewhere.example>... Relaying denied',
      'Mar  4 10:00:02 mx sendmail[22249]: 424AaDQT022249: ruleset=check_rcpt, arg1=<x@elsewhere.example>, relay=[IPv6:2001:db8::131], reject=550 5.7.1 <x@elsewhere.example>... Relaying denied. IP name lookup failed [2001:db8::131]',
      'Mar  4 10:00:03 mx sm-mta[22250]: 424AaDQT022250: ruleset=check_rcpt, arg1=<nobody@example.com>, relay=[203.0.113.132], reject=550 5.1.1 <nobody@example.com>... User unknown',
      'Mar  4 10:00:04 mx sm-mta[22251]: 424AaDQT022251: ruleset=check_rcpt, arg1=<info@example.com>, relay=[203.0.113.133], reject=550 5.7.1 <info@example.com>... Rejected: 203.0.113.133 listed at zen.spamhaus.org',
      'Mar  4 10:00:05 mx sm-mta[22252]: 424AaDQT022252: ruleset=check_rcpt, arg1=<a@b.example>, relay=[198.51.100.9], reject=550 x>, relay=[203.0.113.134], reject=550 5.7.1 <a@b.example>... Relaying denied',
    ]);
    expect(
      events.map((event) => [
        event.event.action,
        event.event.module,
        (event.source as { ip: string }).ip,
        (event.email as { to: { address: string[] } }).to.address,
      ]),
    ).toEqual([
      ['mail_relay_denied', 'sendmail', '203.0.113.130', ['victim@elsewhere.example']],
      ['mail_relay_denied', 'sendmail', '2001:db8::131', ['x@elsewhere.example']],
      ['mail_recipient_unknown', 'sendmail', '203.0.113.132', ['nobody@example.com']],
    ]);
    expect(skips.slice(3).every((skip) => skip !== null)).toBe(true);
    expect(events[0]).toMatchObject({
      source: { domain: 'dsl-1.example.net' },
      event: { dataset: 'sendmail.log' },
    });
  });
});

describe("Postfix's refused relays and unknown recipients", () => {
  it('are mail_relay_denied and mail_recipient_unknown from the address in brackets, the recipient the client named', () => {
    // Written after Postfix's smtpd reject lines (smtpd_check.c): a relay, an unknown local user, a
    // recipient the server behind it refused, a VRFY Postfix answers without the address, and a
    // recipient holding words of Postfix's own.
    const { events, skips } = parse([
      'Mar  4 10:00:01 mx postfix/smtpd[7681]: NOQUEUE: reject: RCPT from unknown[203.0.113.60]: 554 5.7.1 <victim@elsewhere.example>: Relay access denied; from=<a@b.example> to=<victim@elsewhere.example> proto=ESMTP helo=<x>',
      'Mar  4 10:00:02 mx postfix/smtpd[7681]: 4Tq0Kx3zYZz1: reject: RCPT from mail.example.org[198.51.100.61]: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in local recipient table; from=<a@b.example> to=<nobody@example.com> proto=ESMTP helo=<x>',
      'Mar  4 10:00:03 mx postfix/smtpd[7681]: NOQUEUE: reject: RCPT from unknown[2001:db8::62]:40000: 550 5.1.1 <ghost@example.com>: Recipient address rejected: undeliverable address: verification failed; from=<> to=<ghost@example.com> proto=ESMTP helo=<x>',
      'Mar  4 10:00:04 mx postfix/smtpd[7681]: NOQUEUE: reject: VRFY from unknown[203.0.113.63]: 550 5.1.1 : Recipient address rejected: User unknown in local recipient table; to=<root> proto=SMTP',
      'Mar  4 10:00:05 mx postfix/smtpd[7681]: NOQUEUE: reject: RCPT from unknown[203.0.113.64]: 554 5.7.1 <x@y.example>: Sender address rejected: Relay access denied; from=<x> to=<x@y.example> proto=ESMTP helo=<x>',
    ]);
    expect(
      events.map((event) => [
        event.event.action,
        (event.source as { ip: string }).ip,
        (event.email as { to: { address: string[] } } | undefined)?.to.address,
        event.event.reason,
      ]),
    ).toEqual([
      ['mail_relay_denied', '203.0.113.60', ['victim@elsewhere.example'], 'Relay access denied'],
      [
        'mail_recipient_unknown',
        '198.51.100.61',
        ['nobody@example.com'],
        'Recipient address rejected: User unknown in local recipient table',
      ],
      [
        'mail_recipient_unknown',
        '2001:db8::62',
        ['ghost@example.com'],
        'Recipient address rejected: undeliverable address: verification failed',
      ],
      [
        'mail_recipient_unknown',
        '203.0.113.63',
        undefined,
        'Recipient address rejected: User unknown in local recipient table',
      ],
    ]);
    expect(events[0]).toMatchObject({
      event: { category: ['email', 'network'], type: ['denied'], outcome: 'failure', module: 'postfix' },
      service: { name: 'smtp' },
    });
    // A sender refusal judges spam, not the client's recipients.
    expect(skips.at(-1)).toBe('not-sshd');
  });
});

describe("Dovecot's login failures", () => {
  it("are a connection's failed attempts, one event each, with the user and protocol", () => {
    const { events, skips } = parse([
      'Mar  4 10:01:00 mx dovecot: imap-login: Disconnected (auth failed, 3 attempts in 12 secs): user=<admin>, method=PLAIN, rip=203.0.113.6, lip=192.0.2.1, TLS, session=<abc>',
      'Mar  4 10:01:01 mx dovecot[442]: pop3-login: Aborted login (auth failed, 1 attempts in 17 secs): user=<info@example.org>, method=PLAIN, rip=203.0.113.6, lip=192.0.2.1, session=<def>',
      'Mar  4 10:01:02 mx dovecot: imap-login: Login aborted: Connection closed (auth failed, 2 attempts in 10 secs) (auth_failed): user=<bob>, method=PLAIN, rip=::ffff:203.0.113.7, lip=192.0.2.1, TLS, session=<ghi>',
      'Mar  4 10:01:03 mx dovecot: imap-login: Info: Disconnected: Inactivity (auth failed, 1 attempts): method=PLAIN, rip=203.0.113.8, lip=192.0.2.1',
    ]);
    expect(skips).toEqual([null, null, null, null]);
    expect(events.map((event) => [summary(event).service, summary(event).user, event.source])).toEqual([
      ['imap', 'admin', { address: '203.0.113.6', ip: '203.0.113.6' }],
      ['imap', 'admin', { address: '203.0.113.6', ip: '203.0.113.6' }],
      ['imap', 'admin', { address: '203.0.113.6', ip: '203.0.113.6' }],
      ['pop3', 'info@example.org', { address: '203.0.113.6', ip: '203.0.113.6' }],
      ['imap', 'bob', { address: '203.0.113.7', ip: '203.0.113.7' }],
      ['imap', 'bob', { address: '203.0.113.7', ip: '203.0.113.7' }],
      ['imap', undefined, { address: '203.0.113.8', ip: '203.0.113.8' }],
    ]);
    expect(events[0]?.event).toMatchObject({ module: 'dovecot', reason: 'auth failed, 3 attempts' });
  });

  it("counts a proxy's login the server behind it refused, and a master user's failed authorisations", () => {
    // Written for this test after Dovecot's login-common reasons.
    const { events } = parse([
      'Mar  4 10:01:00 proxy dovecot: imap-login: Disconnected (proxy dest auth failed): user=<carol@example.org>, method=PLAIN, rip=203.0.113.14, lip=192.0.2.1, session=<jkl>',
      'Mar  4 10:01:01 mx dovecot: imap-login: Disconnected (authorization failed, 2 attempts in 3 secs): user=<master*dave>, method=PLAIN, rip=203.0.113.15, lip=192.0.2.1',
    ]);
    expect(
      events.map((event) => [summary(event).user, (event.source as { ip: string }).ip, event.event.reason]),
    ).toEqual([
      ['carol@example.org', '203.0.113.14', 'proxy dest auth failed'],
      ['master*dave', '203.0.113.15', 'authorization failed, 2 attempts'],
      ['master*dave', '203.0.113.15', 'authorization failed, 2 attempts'],
    ]);
  });

  it('takes the address Dovecot wrote, not one the client put in its user name', () => {
    const { events } = parse([
      'Mar  4 10:01:04 mx dovecot: imap-login: Disconnected (auth failed, 1 attempts): user=<x>, method=PLAIN, rip=10.0.0.1>, method=PLAIN, rip=203.0.113.9, lip=192.0.2.1',
    ]);
    expect(events.map((event) => [summary(event).user, event.source])).toEqual([
      ['x>, method=PLAIN, rip=10.0.0.1', { address: '203.0.113.9', ip: '203.0.113.9' }],
    ]);
    // Nor a count it put there after a connection that tried no password.
    const inflated = parse([
      'Mar  4 10:01:04 mx dovecot: imap-login: Disconnected (no auth attempts in 2 secs): user=<(auth failed, 99 attempts>, rip=203.0.113.9, lip=192.0.2.1',
    ]);
    expect(inflated.events).toEqual([]);
  });

  it('counts at most MOST_ATTEMPTS a line, nothing for connections that tried no password, and an attempt whose verdict the auth process logged', () => {
    const { events, skips } = parse([
      'Mar  4 10:01:05 mx dovecot: imap-login: Disconnected (auth failed, 5000 attempts): user=<a>, rip=203.0.113.10',
      'Mar  4 10:01:06 mx dovecot: imap-login: Disconnected (no auth attempts in 4 secs): user=<>, rip=203.0.113.11, lip=192.0.2.1',
      'Mar  4 10:01:06 mx dovecot: pop3-login: Aborted login (tried to use disabled plaintext auth): rip=203.0.113.11, lip=192.0.2.1',
      'Mar  4 10:01:07 mx dovecot: auth-worker(304): pam(a,203.0.113.12): pam_authenticate() failed: Authentication failure (password mismatch?)',
    ]);
    expect(events).toHaveLength(MOST_ATTEMPTS + 1);
    expect(events.at(-1)).toMatchObject({ source: { ip: '203.0.113.12' }, user: { name: 'a' } });
    expect(skips).toEqual([null, 'not-sshd', 'not-sshd', null]);
  });

  it("counts an attempt once when auth_verbose's verdict precedes the login process's sum", () => {
    const { events, skips } = parse([
      'Jan 29 05:32:50 mail dovecot: auth-worker(304): pam(username,192.0.2.31): pam_authenticate() failed: Authentication failure (password mismatch?)',
      'Jan 29 05:32:52 mail dovecot: auth: passwd-file(username,192.0.2.31): unknown user',
      'Jan 29 05:32:53 mail dovecot: auth-worker(57065): Info: conn unix:auth-worker (pid=27359,uid=97): auth-worker<5>: sql(x,192.0.2.99,192.0.2.32,<Yx7+W8+Io>): Password mismatch',
      'Jan 29 05:32:54 mail dovecot: auth: Info: ldap(dog,192.0.2.33,): invalid credentials',
      'Jan 29 05:32:55 mail dovecot: imap-login: Disconnected (auth failed, 3 attempts in 5 secs): user=<username>, method=PLAIN, rip=192.0.2.31, lip=192.0.2.1',
    ]);
    expect(
      events.map((event) => [(event.source as { ip: string }).ip, (event.user as { name: string }).name]),
    ).toEqual([
      ['192.0.2.31', 'username'],
      ['192.0.2.31', 'username'],
      // The client names the user first: the address is the last field before the session id.
      ['192.0.2.32', 'x,192.0.2.99'],
      ['192.0.2.33', 'dog'],
      // Three attempts, two of which the auth process told of.
      ['192.0.2.31', 'username'],
    ]);
    expect(skips).toEqual([null, null, null, null, null]);
  });

  it("reads LDAP's bind mismatch, the password auth_verbose_passwords adds, and Dovecot 1.x's nested tag", () => {
    // Written for this test after Dovecot's auth messages: passdb ldap's `(for LDAP bind)`, the
    // password tried as its SHA1 or in plain (left out of the reason), and 1.x's `dovecot: auth(default): `.
    const { events, skips } = parse([
      'Jun 11 13:57:17 mx dovecot: auth: ldap(ann@example.org,192.0.2.41,<LZmGp6mZaMrAqLIZ>): Password mismatch (for LDAP bind) (SHA1 of given password: f638ff)',
      'Jun 11 13:57:18 mx dovecot: auth: passwd-file(bob,192.0.2.42): unknown user (given password: hunter2)',
      'Jun 11 13:57:19 mx dovecot[442]: dovecot: auth(default): pam(carl,192.0.2.43): pam_authenticate() failed: Authentication failure',
      'Jun 11 13:57:20 mx dovecot: auth: passwd-file(dan,192.0.2.44): unknown user (SHA1 of given password: not-hex)',
    ]);
    expect(
      events.map((event) => [
        (event.user as { name: string }).name,
        (event.source as { ip: string }).ip,
        event.event.reason,
      ]),
    ).toEqual([
      ['ann@example.org', '192.0.2.41', 'Password mismatch (for LDAP bind)'],
      ['bob', '192.0.2.42', 'unknown user'],
      ['carl', '192.0.2.43', 'pam_authenticate() failed: Authentication failure'],
    ]);
    expect(skips).toEqual([null, null, null, 'not-sshd']);
  });
});

// The IMAP and POP3 lines of the fixture (mail-and-old-pam.log), written after Courier's and Cyrus's
// log formats.
const FIXTURE = readFileSync(new URL('../sshd/testdata/mail-and-old-pam.log', import.meta.url), 'utf8')
  .trimEnd()
  .split('\n');
const fixtureLines = (marker: string) => FIXTURE.filter((line) => line.includes(marker));

describe("Courier's IMAP and POP3 login failures", () => {
  it('are one failed login each, with the user and the address Courier wrote last', () => {
    const { events, skips } = parse(fixtureLines(': LOGIN'));
    expect(skips).toEqual([null, null, null, null, 'not-sshd']);
    expect(events.map(summary)).toEqual([
      { ...courier, service: 'imap', user: 'sales@example.org', source: at('203.0.113.20') },
      { ...courier, service: 'pop3', user: 'info', source: at('203.0.113.21') },
      { ...courier, service: 'pop3', user: undefined, source: at('2001:db8::21') },
      // The client's user name held an address of its own.
      { ...courier, service: 'imap', user: 'x, ip=[198.51.100.1]', source: at('203.0.113.22') },
    ]);
  });
});

describe("Cyrus's IMAP and POP3 bad logins", () => {
  it("are one failed login each, from the address Cyrus writes first; SASL's other errors are none", () => {
    const { events, skips } = parse(fixtureLines('badlogin'));
    expect(skips).toEqual([null, null, null, 'not-sshd', null]);
    expect(events.map(summary)).toEqual([
      {
        ...cyrus,
        service: 'imap',
        user: 'alice',
        source: at('203.0.113.30'),
        reason: 'SASL(-13): authentication failure: checkpass failed',
      },
      {
        ...cyrus,
        service: 'pop3',
        user: undefined,
        source: at('203.0.113.31'),
        reason: 'SASL(-13): user not found: Password verification failed',
      },
      {
        ...cyrus,
        service: 'imap',
        user: undefined,
        source: at('203.0.113.32'),
        reason: 'SASL(-13): authentication failure: incorrect digest response',
      },
      {
        ...cyrus,
        service: 'imap',
        user: 'eve SASL(-13): x [198.51.100.2]',
        source: at('203.0.113.34'),
        reason: 'SASL(-13): x [198.51.100.2] SASL(-13): authentication failure: checkpass failed',
      },
    ]);
  });
});

const courier = { action: 'mail_auth_failure', module: 'courier', reason: 'LOGIN FAILED' };
const cyrus = { action: 'mail_auth_failure', module: 'cyrus' };
const at = (ip: string) => ({ address: ip, ip });

describe("sendmail's SMTP AUTH failures", () => {
  const { events, skips } = parse(sendmailLines());

  it('are one failed login a line, from the relay field sendmail writes last', () => {
    expect(events.slice(0, 3).map(summary)).toEqual([
      {
        action: 'mail_auth_failure',
        module: 'sendmail',
        service: 'smtp',
        user: 'alice@example.org',
        source: at('203.0.113.40'),
        reason:
          'AUTH failure (LOGIN): authentication failure (-13) SASL(-13): authentication failure: checkpass failed',
      },
      // The client's user name held a relay field of its own.
      expect.objectContaining({ user: 'x, relay=[198.51.100.3]', source: at('203.0.113.41') }),
      expect.objectContaining({ user: undefined, source: at('2001:db8::42') }),
    ]);
  });

  it("count a connection's `possible SMTP attack` as its attempts, less those its own lines reported", () => {
    const rest = events.slice(3).map((event) => (event.source as { ip: string }).ip);
    // 203.0.113.41's connection: 3 AUTH commands, 2 of them lines of their own (one from an IPv6 relay).
    expect(rest.filter((ip) => ip === '203.0.113.41')).toHaveLength(1);
    expect(rest.filter((ip) => ip === '203.0.113.43')).toHaveLength(5);
    // A summary that comes first counts; a later line of its connection counts too.
    expect(rest.filter((ip) => ip === '203.0.113.44')).toHaveLength(2);
    expect(rest).not.toContain('203.0.113.45');
    expect(skips).toEqual([null, null, null, null, null, null, null, 'not-sshd']);
  });

  it('leave nothing to count for a summary whose attempts were all reported', () => {
    const covered = parse([
      'Mar  4 10:06:00 mx sendmail[1]: 06I02CNi016780: AUTH failure (LOGIN): authentication failure (-13) SASL(-13): authentication failure: checkpass failed, relay=[203.0.113.46]',
      'Mar  4 10:06:01 mx sendmail[1]: 06I02CNi016780: [203.0.113.46]: possible SMTP attack: command=AUTH, count=1',
    ]);
    expect(covered.events).toHaveLength(1);
    expect(covered.skips).toEqual([null, 'mail-attempts-reported']);
  });
});

function sendmailLines(): string[] {
  return FIXTURE.filter((line) => / (?:sendmail|sm-mta|sm-acceptingconnections)\[/.test(line));
}

// Written after UW IMAP's, solid-pop3d's, timsieved's and courieresmtpd's messages.
const MAIL_SERVERS = readFileSync(new URL('../sshd/testdata/mail-servers.log', import.meta.url), 'utf8')
  .trimEnd()
  .split('\n');

describe('the other IMAP, POP3, ManageSieve and SMTP servers', () => {
  it("are failed logins from UW IMAP, solid-pop3d, Cyrus's timsieved and Courier's SMTP server", () => {
    const { events, skips } = parse(MAIL_SERVERS);
    expect(events.map(summary)).toEqual([
      { ...uwImap, service: 'imap', user: 'alice', source: at('203.0.113.160'), reason: 'Login failed' },
      {
        ...uwImap,
        service: 'pop3',
        user: 'bob',
        source: at('2001:db8::161'),
        reason: 'excessive login failures',
      },
      // The client's user name held a host and an address of its own: the server's is last.
      {
        ...uwImap,
        service: 'imap',
        user: 'eve',
        source: at('203.0.113.162'),
        reason: 'Login failed',
      },
      { ...solid, user: 'carol', source: at('203.0.113.163'), reason: 'no such user' },
      { ...solid, user: 'root', source: at('203.0.113.163'), reason: 'root login not allowed' },
      {
        ...cyrus,
        service: 'managesieve',
        user: undefined,
        source: at('203.0.113.164'),
        reason: 'PLAIN authentication failure',
      },
      {
        action: 'mail_auth_failure',
        module: 'courier',
        service: 'smtp',
        user: undefined,
        source: { ...at('203.0.113.165'), port: 40001 },
        reason: '535 Authentication failed',
      },
    ]);
    // A login that worked; an address that is none.
    expect(skips.slice(-2)).toEqual(['not-sshd', 'not-sshd']);
  });

  it("are refused recipients and relays from Courier's SMTP server, the answer read at the line's end", () => {
    const { events } = parse([
      'Mar  4 10:00:01 mail courieresmtpd: error,relay=::ffff:203.0.113.166,from=<a@example.net>,to=<nobody@example.org>: 550 User unknown.',
      'Mar  4 10:00:02 mail courieresmtpd: error,relay=2001:db8::167,from=<>,to=<x@elsewhere.example>: 513 Relaying denied.',
      'Mar  4 10:00:03 mail courieresmtpd: error,relay=::ffff:203.0.113.168,from=<,to=<y>: 550 User unknown.>,to=<z@example.org>: 451 Try later',
    ]);
    expect(
      events.map((event) => [event.event.action, (event.source as { ip: string }).ip, event.event.module]),
    ).toEqual([
      ['mail_recipient_unknown', '203.0.113.166', 'courier'],
      ['mail_relay_denied', '2001:db8::167', 'courier'],
    ]);
  });
});

const uwImap = { action: 'mail_auth_failure', module: 'uw-imap' };
const solid = { action: 'mail_auth_failure', module: 'solid-pop3d', service: 'pop3' };
