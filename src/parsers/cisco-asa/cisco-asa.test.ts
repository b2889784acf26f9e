import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { fixtureLines } from '../testdata/fixture-lines.ts';

// Written for these tests after Cisco's syslog message guide for the ASA (113005, 113015, 716039,
// 611102, 605004, 106023, 106001, 106006), as rsyslog stores what the ASA sends.
const LINES = fixtureLines(new URL('../sshd/testdata/cisco-asa.log', import.meta.url));

const row = (event: SecurityEvent) => [
  event.event.action,
  event.event.code,
  (event.source as { ip: string }).ip,
  (event.user as { name?: string } | undefined)?.name,
  (event.destination as { port?: number } | undefined)?.port,
];

describe("a Cisco ASA's messages in syslog (read by the sshd parser)", () => {
  const { events, skips } = parse(LINES);

  it('give refused VPN and device logins, and the packets it denied, from the addresses it wrote', () => {
    expect(events.map(row)).toEqual([
      ['vpn_auth_failure', '113015', '203.0.113.90', 'admin', undefined],
      // The ASA hides a refused user name unless told not to.
      ['vpn_auth_failure', '113005', '203.0.113.91', undefined, undefined],
      ['vpn_auth_failure', '716039', '2001:db8::92', 'jdoe', undefined],
      ['login', '611102', '203.0.113.93', 'enable_15', undefined],
      ['login', '605004', '203.0.113.94', 'root', undefined],
      ['firewall_blocked', undefined, '203.0.113.95', undefined, 3389],
      ['firewall_blocked', undefined, '203.0.113.96', undefined, 23],
      ['firewall_blocked', undefined, '203.0.113.97', undefined, 161],
      // The user named a second address: the ASA's ends the line.
      ['vpn_auth_failure', '113015', '203.0.113.98', 'x : user IP = 198.51.100.9', undefined],
    ]);
    expect(events[0]).toMatchObject({
      event: { module: 'cisco', dataset: 'cisco.asa', category: ['authentication'], outcome: 'failure' },
      service: { name: 'cisco-asa-vpn' },
      observer: { vendor: 'Cisco', product: 'ASA' },
    });
    expect(events[3]).toMatchObject({ service: { name: 'cisco-asa' } });
    expect(events[5]).toMatchObject({
      event: { module: 'cisco', dataset: 'cisco.asa', type: ['connection', 'denied'] },
      rule: { name: 'outside_access_in' },
      network: { transport: 'tcp' },
      observer: { ingress: { interface: { name: 'outside' } } },
    });
  });

  it('skips the messages it does not read', () => {
    expect(skips.at(-1)).toBe('not-sshd');
  });
});
