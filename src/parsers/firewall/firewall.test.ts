import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { fixtureLines } from '../testdata/fixture-lines.ts';

// Written for these tests after nf_log's format (IPv4 and IPv6, an ICMP error's quoted packet) and
// the prefixes UFW, firewalld and an nftables rule set write.
const fixture = (name: string) => fixtureLines(new URL(`../sshd/testdata/${name}`, import.meta.url));
const LINES = fixture('firewall.log');

const row = (event: SecurityEvent) => {
  const source = event.source as { ip: string; port?: number };
  const destination = event.destination as { ip: string; port?: number };
  return [
    event.event.action,
    (event.rule as { name: string } | undefined)?.name,
    source.ip,
    source.port,
    destination.ip,
    destination.port,
    (event.network as { transport?: string }).transport,
  ];
};

describe('packets netfilter logged, in syslog (read by the sshd parser)', () => {
  const { events, skips } = parse(LINES);

  it("are each packet with the verdict its rule's prefix names, from the addresses and ports of its headers", () => {
    expect(events.map(row)).toEqual([
      ['firewall_blocked', 'UFW BLOCK', '203.0.113.70', 41945, '192.0.2.10', 3389, 'tcp'],
      ['firewall_allowed', 'UFW ALLOW', '198.51.100.71', 50000, '192.0.2.10', 443, 'tcp'],
      // IPv6 as the kernel writes it, every group in full: the canonical text other logs use.
      ['firewall_blocked', 'UFW BLOCK', 'fe80::69df:f31:cee:feab', 5355, 'ff02::1:3', 5355, 'udp'],
      ['firewall_blocked', 'FINAL_REJECT', '203.0.113.72', undefined, '192.0.2.1', undefined, 'icmp'],
      ['firewall_blocked', 'nft drop in', '10.0.0.73', 49206, '203.0.113.99', 445, 'tcp'],
      // A prefix that names no verdict.
      ['firewall_logged', 'UFW AUDIT', '192.0.2.10', 40000, '198.51.100.53', 53, 'udp'],
      // An ICMP error quotes the packet it answers: its addresses are not the packet's.
      ['firewall_blocked', 'UFW BLOCK', '203.0.113.74', undefined, '192.0.2.10', undefined, 'icmp'],
    ]);
    expect(events[0]).toMatchObject({
      event: {
        module: 'iptables',
        category: ['network'],
        type: ['connection', 'denied'],
        outcome: 'failure',
      },
      observer: { ingress: { interface: { name: 'eth0' } } },
      tcp: { flags: ['SYN'] },
      host: { name: 'gw' },
      network: { type: 'ipv4' },
    });
    expect(events[4]).toMatchObject({
      observer: { ingress: { interface: { name: 'eth1' } }, egress: { interface: { name: 'eth0' } } },
      tcp: { flags: ['ACK', 'PSH'] },
    });
    expect(events[2]?.network).toEqual({ type: 'ipv6', transport: 'udp' });
    expect(events[5]?.event.outcome).toBeUndefined();
  });

  it('skips a packet whose address is none, and any other kernel message', () => {
    expect(skips.slice(-2)).toEqual(['not-sshd', 'not-sshd']);
  });
});

describe("pfSense's and OPNsense's filterlog, in syslog", () => {
  it('is each packet with its action, from the addresses and ports of its IPv4 or IPv6 fields', () => {
    // Written for this test after pfSense's filter log format (its documentation's field lists),
    // with an OPNsense rule hash for a tracker.
    const { events, skips } = parse(fixture('filterlog.log'));
    expect(events.map(row)).toEqual([
      ['firewall_blocked', undefined, '203.0.113.80', 54321, '192.0.2.10', 3389, 'tcp'],
      ['firewall_allowed', undefined, '192.0.2.10', 40000, '198.51.100.53', 53, 'udp'],
      ['firewall_blocked', undefined, '2001:db8::81', 61000, '2001:db8::10', 22, 'tcp'],
      ['firewall_blocked', undefined, '203.0.113.82', undefined, '192.0.2.10', undefined, 'icmp'],
    ]);
    expect(events[0]).toMatchObject({
      event: { module: 'pfsense', dataset: 'pfsense.log', type: ['connection', 'denied'] },
      rule: { id: '1000000103' },
      observer: { ingress: { interface: { name: 'igb0' } } },
      tcp: { flags: ['SYN'] },
    });
    expect(events[1]).toMatchObject({ observer: { egress: { interface: { name: 'igb1' } } } });
    expect(events[2]?.tcp).toEqual({ flags: ['SYN', 'ACK'] });
    expect(skips.at(-1)).toBe('not-sshd');
  });
});
