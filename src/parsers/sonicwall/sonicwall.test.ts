import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser, findParser } from '../registry.ts';
import { deviceLoginRow, fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import { NOT_SONICWALL, SONICWALL_NO_ADDRESS, SONICWALL_UNUSED, sonicwallParser } from './index.ts';

// Written for these tests after SonicOS 6.5's log events reference (event numbers 29-33, 36-38,
// 98, 199, 200, 238) and its default syslog format, bare, with syslog's PRI or behind a syslog
// server's header, and the SMA's SSL VPN lines.
const LOG = fixtureLines(new URL('./testdata/sonicwall.log', import.meta.url));

const row = (event: SecurityEvent) => [event.event.code, ...deviceLoginRow(event)];

describe("SonicWall's log", () => {
  const { events, skips } = parseLines(sonicwallParser.create({ timeZone: 'Europe/Berlin' }), LOG);

  it("reads administrators' and users' logins, at UTC where SonicOS says so, else in the zone given", () => {
    expect(events.filter((event) => event.event.category?.[0] === 'authentication').map(row)).toEqual([
      ['30', '2024-03-04T10:00:01.000Z', 'login', 'failure', 'admin', '203.0.113.70', 'sonicwall'],
      ['200', '2024-03-04T10:00:02.000Z', 'login', 'failure', undefined, '203.0.113.71', 'sonicwall'],
      ['29', '2024-03-04T10:00:03.000Z', 'login', 'success', 'netops', '192.0.2.50', 'sonicwall'],
      ['32', '2024-03-04T10:00:04.000Z', 'login', 'failure', 'jdoe', '203.0.113.72', 'sonicwall-user'],
      ['238', '2024-03-04T10:00:05.000Z', 'login', 'success', 'asmith', '198.51.100.73', 'sonicwall-user'],
      [
        '1',
        '2024-03-04T10:00:06.000Z',
        'vpn_auth_failure',
        'failure',
        'bwhite',
        '203.0.113.74',
        'sonicwall-vpn',
      ],
    ]);
    expect(events[0]).toMatchObject({
      event: {
        module: 'sonicwall',
        dataset: 'sonicwall.firewall',
        reason: 'Administrator login denied due to bad credentials',
      },
      observer: { vendor: 'SonicWall', product: 'SonicOS', serial_number: 'C0EAE4590001' },
      related: { user: ['admin'], ip: ['203.0.113.70'] },
    });
    // The device's name where SonicOS writes one in `id=`.
    expect(events[2]).toMatchObject({ observer: { name: 'NSA3600' } });
  });

  it('reads dropped packets as blocked, IPv6 from srcV6 and dstV6', () => {
    const packets = events.filter((event) => event.event.action === 'firewall_blocked');
    expect(
      packets.map((event) => [event.source, event.destination, event.network, event.event.reason]),
    ).toEqual([
      [
        { address: '203.0.113.75', ip: '203.0.113.75', port: 4507 },
        { address: '192.0.2.1', ip: '192.0.2.1', port: 445 },
        { type: 'ipv4', transport: 'tcp' },
        'TCP connection dropped',
      ],
      [
        { address: '2001:db8::76', ip: '2001:db8::76', port: 49702 },
        { address: '2001:db8::1', ip: '2001:db8::1', port: 5355 },
        { type: 'ipv6', transport: 'udp' },
        'UDP packet dropped',
      ],
    ]);
    expect(packets[0]).toMatchObject({
      '@timestamp': '2024-03-04T09:00:07.000Z',
      event: { code: '36', module: 'sonicwall', outcome: 'failure' },
      rule: { id: '0' },
      observer: { ingress: { interface: { name: 'WAN' } }, egress: { interface: { name: 'LAN' } } },
    });
  });

  it("reads the IPS's preventions, the signature after the message's colon", () => {
    const alerts = events.filter((event) => event.event.action === 'intrusion_detected');
    expect(alerts.map((event) => [event.rule, event.event.type, event.source, event.network])).toEqual([
      [
        { name: 'WEB-ATTACKS Apache Log4j Remote Code Execution', id: '15915' },
        ['denied'],
        { address: '203.0.113.79', ip: '203.0.113.79', port: 40003 },
        { type: 'ipv4', transport: 'tcp' },
      ],
    ]);
  });

  it('skips connections and a login without an address', () => {
    expect(skips.filter((skip) => skip !== null)).toEqual([SONICWALL_UNUSED, SONICWALL_NO_ADDRESS]);
  });

  it("reads an event number that names an object's property as unused, not as a login", () => {
    const lines = ['constructor', '__proto__', 'toString'].map(
      (m) =>
        `id=firewall sn=X time="2024-03-04 10:00:01 UTC" m=${m} msg="x" src=203.0.113.1:1:X1 dst=192.0.2.1:2:X0`,
    );
    expect(parseLines(sonicwallParser.create({}), lines).skips).toEqual([
      SONICWALL_UNUSED,
      SONICWALL_UNUSED,
      SONICWALL_UNUSED,
    ]);
  });

  it('refuses lines that are not its records', () => {
    for (const line of [
      'Mar  4 10:00:01 host sshd[1]: Failed password for root from 203.0.113.1 port 22 ssh2',
      'id=firewall time="2024-03-04 10:00:01" m=30 src=203.0.113.1',
      'id=firewall sn=X time="2024-02-30 10:00:01" m=30 src=203.0.113.1',
      'id=firewall sn=X time="2024-03-04 10:00:01 m=30',
    ])
      expect(parseLines(sonicwallParser.create({}), [line]).skips).toEqual([NOT_SONICWALL]);
  });

  it("is read among other hosts' lines in syslog, at the header's time where it names no zone", () => {
    const sshd = findParser('sshd')?.create({ year: 2024 });
    const lines = fixtureLines(new URL('../sshd/testdata/sonicwall.log', import.meta.url));
    const { events, skips } = parseLines(sshd as NonNullable<typeof sshd>, lines);
    expect(skips).toEqual([null, null, SONICWALL_UNUSED]);
    expect(events.slice(1).map(row)).toEqual([
      ['30', '2024-03-04T10:00:02.000Z', 'login', 'failure', undefined, '203.0.113.78', 'sonicwall'],
    ]);
  });

  it('is chosen for its lines, bare or behind a syslog header', () => {
    expect(chooseParser(LOG)).toMatchObject({ kind: 'found', parser: { format: 'sonicwall' } });
  });
});
