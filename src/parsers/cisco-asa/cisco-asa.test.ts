import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { createSshdParser } from '../sshd/create-sshd-parser.ts';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';

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

  it("reads the ASA's own time and name before its tag: sent bare, or stored behind a syslog server's header", () => {
    const headers = fixtureLines(new URL('../sshd/testdata/cisco-asa-headers.log', import.meta.url));
    const { events, skips } = parseLines(
      createSshdParser({ year: 2024, timeZone: 'Europe/Berlin' }),
      headers,
    );
    expect(events.map((event) => [event['@timestamp'], ...row(event)])).toEqual([
      // `logging timestamp`, no syslog header: the ASA's clock (no zone), read in the parser's zone.
      ['2024-03-04T09:00:01.000Z', 'login', '605004', '203.0.113.100', 'root', undefined],
      ['2024-03-04T09:00:02.000Z', 'vpn_auth_failure', '113015', '203.0.113.101', 'jdoe', undefined],
      // `logging timestamp` and `logging device-id`: the name the syslog parser takes for the host.
      ['2024-03-04T09:00:03.000Z', 'login', '611102', '203.0.113.102', 'admin', undefined],
      // A syslog server's header, then the colon the device id left: the header's time.
      ['2024-03-04T09:00:04.000Z', 'login', '605004', '203.0.113.103', 'admin', undefined],
      ['2024-03-04T09:00:05.000Z', 'firewall_blocked', undefined, '203.0.113.104', undefined, 445],
      ['2024-03-04T09:00:06.000Z', 'vpn_auth_failure', '113015', '203.0.113.105', undefined, undefined],
      ['2024-03-04T09:00:07.000Z', 'vpn_auth_failure', '113015', '203.0.113.106', 'ops', undefined],
      // An ISO header names its offset.
      ['2024-03-04T10:00:08.000Z', 'login', '605004', '203.0.113.107', 'pi', undefined],
      // Summer time in Berlin.
      ['2024-03-31T08:00:09.000Z', 'login', '605004', '203.0.113.108', 'root', undefined],
    ]);
    expect(events[2]).toMatchObject({ host: { hostname: 'asa-edge' } });
    // A day that does not exist, and a message with no time at all.
    expect(skips.slice(-2)).toEqual(['not-syslog', 'not-syslog']);
  });
});
