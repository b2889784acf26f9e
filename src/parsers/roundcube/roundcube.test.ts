import { describe, expect, it } from 'vitest';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { roundcubeParser } from './index.ts';

// Roundcube's errors and userlogins lines written for these tests after its rcube_imap and
// rcmail::log_login messages and its log head (PHP's `d-M-Y H:i:s O`, the session id prefix).
const LOG = fixtureLines(new URL('./testdata/roundcube.log', import.meta.url));

const summary = (event: SecurityEvent) => [
  event['@timestamp'],
  event.event.outcome,
  (event.user as { name: string } | undefined)?.name,
  (event.source as { ip: string }).ip,
];

describe("Roundcube's errors and userlogins logs", () => {
  const parser = roundcubeParser.create({});
  const { events, skips } = parseLines(parser, LOG);
  const logins = events.filter((event) => event.event.action === 'login');

  it('gives each refused IMAP login from the address Roundcube wrote, and each accepted one', () => {
    expect(logins.map(summary)).toEqual([
      ['2024-03-04T09:00:01.000Z', 'failure', 'admin@example.org', '203.0.113.60'],
      ['2024-03-04T09:00:02.000Z', 'failure', 'info', '203.0.113.61'],
      ['2024-03-04T15:00:03.000Z', 'failure', 'sales@example.org', '2001:db8::62'],
      // Behind a proxy: the peer's address, not the headers the client may have written.
      ['2024-03-04T09:00:04.000Z', 'failure', 'bob', '203.0.113.63'],
      ['2024-03-04T09:00:05.000Z', 'failure', 'dave', '203.0.113.66'],
      ['2024-03-04T09:00:06.000Z', 'success', 'alice@example.org', '198.51.100.30'],
      // The user name held a login line of its own: the session and id Roundcube writes last decide.
      ['2024-03-04T09:00:07.000Z', 'success', 'm from 198.51.100.66 in session z', '198.51.100.31'],
      // The userlogins log's refusal with no errors line before it: an attempt of its own.
      ['2024-03-04T09:00:10.000Z', 'failure', 'carol', '203.0.113.65'],
    ]);
    expect(logins[0]).toMatchObject({
      event: {
        action: 'login',
        category: ['authentication', 'web'],
        module: 'roundcube',
        dataset: 'roundcube.errors',
        reason: 'IMAP Error: Login failed',
      },
      service: { name: 'roundcube' },
      source: { address: '203.0.113.60', ip: '203.0.113.60' },
    });
    expect(logins[5]).toMatchObject({ event: { dataset: 'roundcube.userlogins' } });
  });

  it('reads a refusal naming two addresses as a forged line: both addresses, no login counted against either', () => {
    const forged = events.filter((event) => event.event.action === 'log_address_forged');
    expect(forged).toHaveLength(1);
    expect(forged[0]).toMatchObject({
      '@timestamp': '2024-03-04T09:00:08.000Z',
      event: { category: ['intrusion_detection'], module: 'roundcube', original: LOG[7] },
      service: { name: 'roundcube' },
      related: { ip: ['198.51.100.66', '203.0.113.64'] },
    });
    expect(forged[0]?.source).toBeUndefined();
    expect(forged[0]?.user).toBeUndefined();
  });

  it('skips the userlogins repeat of a refusal, refusals that tried no password, and other lines', () => {
    expect(skips).toEqual([
      ...Array<null>(8).fill(null),
      // bob's refusal, 5 s after its errors line.
      'roundcube-login-repeated',
      null,
      // error -4: a stale login form.
      'roundcube-line-unused',
      'roundcube-line-unused',
      'not-roundcube-log',
    ]);
  });

  it('is recognised by its head', () => {
    const choice = chooseParser(LOG.slice(0, -1));
    expect(choice.kind === 'found' && choice.parser.format).toBe('roundcube');
  });
});

describe("Roundcube's lines in syslog, read by the sshd parser", () => {
  it('are the same logins', () => {
    const { events, skips } = parse([
      'Mar  4 10:00:12 mail roundcube: IMAP Error: Login failed for eve from 203.0.113.67. AUTHENTICATE PLAIN: Authentication failed. in /usr/share/roundcube/program/lib/Roundcube/rcube_imap.php on line 200 (POST /?_task=login&_action=login)',
      'Mar  4 10:00:13 mail roundcube[2129]: <c3d4e5f6> IMAP Error: Login failed for frank from 203.0.113.68',
      'Mar  4 10:00:14 mail roundcube[2129]: <c3d4e5f6> Failed login for frank from 203.0.113.68 in session c3d4e5f6g7 (error: 0)',
      'Mar  4 10:05:00 mail roundcube[2130]: <e5f6g7h8> Failed login for frank from 203.0.113.68 in session e5f6g7h8i9 (error: 0)',
      'Mar  4 10:06:00 mail roundcube[2131]: IMAP Error: Login failed for x from 198.51.100.66. y from 203.0.113.69. AUTHENTICATE PLAIN: Authentication failed. in /usr/share/roundcube/program/lib/Roundcube/rcube_imap.php on line 200 (POST /?_task=login&_action=login)',
    ]);
    expect(skips).toEqual([null, null, 'roundcube-login-repeated', null, null]);
    expect(events.slice(0, 3).map(summary)).toEqual([
      ['2024-03-04T10:00:12.000Z', 'failure', 'eve', '203.0.113.67'],
      ['2024-03-04T10:00:13.000Z', 'failure', 'frank', '203.0.113.68'],
      // Frank again, long after: another attempt.
      ['2024-03-04T10:05:00.000Z', 'failure', 'frank', '203.0.113.68'],
    ]);
    expect(events[1]).toMatchObject({ host: { name: 'mail' }, service: { name: 'roundcube' } });
    expect(events[3]).toMatchObject({
      event: { action: 'log_address_forged' },
      host: { name: 'mail' },
      related: { ip: ['198.51.100.66', '203.0.113.69'] },
    });
  });
});
