import { describe, expect, it } from 'vitest';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import { chooseParser } from '../registry.ts';
import { dovecotParser } from './index.ts';

// Dovecot log_path lines written for these tests after its login processes' messages, under the
// default log_timestamp, an ISO one and multilog's TAI64N label.
const LOG = fixtureLines(new URL('./testdata/dovecot.log', import.meta.url));

describe("Dovecot's own log", () => {
  const parser = dovecotParser.create({ year: 2024 });
  const { events, skips } = parseLines(parser, LOG);

  it("gives each login process's failed attempts, from the address Dovecot wrote after the user", () => {
    expect(
      events.map((event) => [
        event['@timestamp'],
        (event.user as { name?: string } | undefined)?.name,
        (event.source as { ip: string }).ip,
        (event.service as { name: string }).name,
      ]),
    ).toEqual([
      ...Array(3).fill(['2024-03-04T10:00:01.000Z', 'info@example.org', '203.0.113.160', 'imap']),
      // auth_verbose's verdict on the attempt, which the login process's line then sums.
      ['2024-03-04T10:00:02.000Z', 'grace', '2001:db8::161', 'mail'],
      ['2024-03-04T10:00:05.000Z', 'x rip=198.51.100.66', '203.0.113.163', 'imap'],
      ['2024-03-04T10:00:06.500Z', 'bob', '203.0.113.164', 'imap'],
    ]);
    expect(events[0]).toMatchObject({
      event: { action: 'mail_auth_failure', outcome: 'failure', module: 'dovecot' },
    });
  });

  it('counts each attempt once, nothing for a connection that tried nothing, and reads no syslog line', () => {
    expect(skips).toEqual([
      null,
      null,
      'mail-attempts-reported',
      'dovecot-line-unused',
      null,
      null,
      'dovecot-line-unused',
      'not-dovecot-log',
    ]);
  });

  it('reads no TAI64N label outside the times a date can hold', () => {
    const fresh = dovecotParser.create({ year: 2024 });
    for (const label of [
      '@7fffffffffffffff00000000',
      '@400000004c91b044ffffffff',
      '@0000000000000000000000000',
    ])
      expect(
        fresh.parseLine(
          `${label} imap-login: Info: Aborted login (auth failed, 1 attempts): user=<a>, rip=192.0.2.1`,
          () => {},
        ),
      ).toBe('not-dovecot-log');
  });

  it('is recognised by its process and level after the time', () => {
    const choice = chooseParser(LOG.slice(0, -1));
    expect(choice.kind === 'found' && choice.parser.format).toBe('dovecot');
  });
});
