import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { fixtureLines } from '../testdata/fixture-lines.ts';

// Written for these tests after Cisco's IOS system message guide (SEC_LOGIN-4-LOGIN_FAILED,
// SEC_LOGIN-5-LOGIN_SUCCESS, SSH-5-SSH2_USERAUTH, SEC-6-IPACCESSLOGP, IPS-4-SIGNATURE) as a syslog
// server stores them, with and without IOS's sequence number and its own time.
const LINES = fixtureLines(new URL('../sshd/testdata/cisco-ios.log', import.meta.url));

const row = (event: SecurityEvent) => [
  event.event.action,
  event.event.code,
  event.event.outcome,
  (event.user as { name?: string } | undefined)?.name,
  (event.source as { ip: string }).ip,
  (event.destination as { port?: number } | undefined)?.port,
];

describe("Cisco IOS's messages in syslog (read by the sshd parser)", () => {
  const { events, skips } = parse(LINES);

  it('give logins, packets an access list denied and IPS signatures, at the header time', () => {
    expect(events.map(row)).toEqual([
      ['login', 'SEC_LOGIN-4-LOGIN_FAILED', 'failure', 'admin', '203.0.113.110', undefined],
      // `[user: ]`: no user; an IPv6 source in its short form.
      ['login', 'SEC_LOGIN-4-LOGIN_FAILED', 'failure', undefined, '2001:db8::111', undefined],
      ['login', 'SEC_LOGIN-5-LOGIN_SUCCESS', 'success', 'netops', '192.0.2.50', undefined],
      ['login', 'SSH-5-SSH2_USERAUTH', 'failure', 'cisco', '203.0.113.112', undefined],
      ['firewall_blocked', 'SEC-6-IPACCESSLOGP', 'failure', undefined, '203.0.113.113', 445],
      ['firewall_blocked', 'SEC-6-IPACCESSLOGP', 'failure', undefined, '203.0.113.114', 161],
      ['intrusion_detected', 'IPS-4-SIGNATURE', undefined, undefined, '203.0.113.115', 80],
      // The user named a source of its own: the device's is the last.
      [
        'login',
        'SEC_LOGIN-4-LOGIN_FAILED',
        'failure',
        'x] [Source: 198.51.100.9] [localport: 22] at',
        '203.0.113.116',
        undefined,
      ],
    ]);
    expect(events[0]).toMatchObject({
      '@timestamp': '2024-03-04T10:00:01.000Z',
      event: { module: 'cisco', dataset: 'cisco.ios', reason: 'Login Authentication Failed' },
      service: { name: 'cisco-ios' },
      observer: { vendor: 'Cisco', product: 'IOS', name: '10.0.0.1' },
    });
    expect(events[4]).toMatchObject({ rule: { name: '102' }, network: { transport: 'tcp' } });
    expect(events[6]).toMatchObject({ rule: { name: 'WWW IIS Internet Printing Overflow', id: '5123' } });
  });

  it('skips the messages it does not read', () => {
    expect(skips.at(-1)).toBe('not-sshd');
  });
});
