import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser, findParser } from '../registry.ts';
import { deviceLoginRow, fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import { NOT_PANOS, PANOS_NO_ADDRESS, PANOS_UNUSED, panosParser } from './index.ts';

// Written for these tests after PAN-OS's syslog field descriptions (GLOBALPROTECT, SYSTEM, TRAFFIC
// and THREAT logs, 8.1 to 11.1) and its default syslog format, bare or behind a syslog header.
const LOG = fixtureLines(new URL('./testdata/panos.log', import.meta.url));

const row = (event: SecurityEvent) => [...deviceLoginRow(event), event.event.reason];

describe("PAN-OS's log", () => {
  const { events, skips } = parseLines(panosParser.create({ timeZone: 'Europe/Berlin' }), LOG);

  it('reads GlobalProtect logins and authentication profiles, at the device clock read in the zone given', () => {
    expect(events.filter((event) => event.event.category?.[0] === 'authentication').map(row)).toEqual([
      [
        '2024-03-04T09:00:01.000Z',
        'vpn_auth_failure',
        'failure',
        'jdoe',
        '203.0.113.60',
        'globalprotect',
        'Authentication failed: Invalid username or password',
      ],
      // No public IPv4: the public IPv6, in its short form.
      [
        '2024-03-04T09:00:02.000Z',
        'vpn_login',
        'success',
        'asmith',
        '2001:db8::61',
        'globalprotect',
        undefined,
      ],
      // PAN-OS 8: GlobalProtect's logins in SYSTEM logs, the address and user in the description.
      [
        '2024-03-04T09:00:04.000Z',
        'vpn_auth_failure',
        'failure',
        'CORP\\bwhite',
        '203.0.113.62',
        'globalprotect',
        'Authentication failed: Invalid username or password',
      ],
      [
        '2024-03-04T09:00:06.000Z',
        'login',
        'failure',
        'admin',
        '203.0.113.63',
        'pan-os',
        'Invalid username/password',
      ],
      ['2024-03-04T09:00:07.000Z', 'login', 'success', 'netops', '192.0.2.70', 'pan-os', undefined],
    ]);
    expect(events[0]).toMatchObject({
      event: { module: 'panw', dataset: 'panw.panos', code: 'portal-auth', category: ['authentication'] },
      observer: { vendor: 'Palo Alto Networks', product: 'PAN-OS', serial_number: '016201004321' },
      panw: { panos: { object: 'GP-Portal-HQ' } },
      related: { user: ['jdoe'], ip: ['203.0.113.60'] },
    });
    expect(events[3]).toMatchObject({ observer: { name: 'PA-VM' }, event: { code: 'auth-fail' } });
  });

  it('reads refused sessions as blocked packets', () => {
    const packets = events.filter((event) => event.event.action === 'firewall_blocked');
    expect(packets.map((event) => [event.source, event.destination, event.network, event.rule])).toEqual([
      [
        { address: '203.0.113.64', ip: '203.0.113.64', port: 40000 },
        { address: '192.0.2.25', ip: '192.0.2.25', port: 3389 },
        { type: 'ipv4', transport: 'tcp' },
        { name: 'deny-inbound' },
      ],
      [
        { address: '203.0.113.64', ip: '203.0.113.64', port: 40001 },
        { address: '192.0.2.26', ip: '192.0.2.26', port: 22 },
        { type: 'ipv4', transport: 'udp' },
        { name: 'interzone-default' },
      ],
    ]);
    expect(packets[0]).toMatchObject({
      '@timestamp': '2024-03-04T09:00:08.000Z',
      event: { module: 'panw', dataset: 'panw.panos', outcome: 'failure' },
      observer: { name: 'PA-3220-HQ', ingress: { interface: { name: 'ethernet1/1' } } },
    });
  });

  it("reads a threat log's detection, the signature's name and number from `Name(ID)`", () => {
    const alerts = events.filter((event) => event.event.action === 'intrusion_detected');
    expect(
      alerts.map((event) => [event.rule, event.event.type, event.event.reason, event.destination]),
    ).toEqual([
      [
        { name: 'Apache Log4j Remote Code Execution Vulnerability', id: '91991' },
        ['denied'],
        'reset-both',
        { address: '192.0.2.25', ip: '192.0.2.25', port: 80 },
      ],
    ]);
    expect(alerts[0]).toMatchObject({ event: { kind: 'alert', module: 'panw', code: 'vulnerability' } });
  });

  it('skips what it does not read: tunnels connected, configurations, allowed traffic', () => {
    expect(skips.filter((skip) => skip !== null)).toEqual([PANOS_UNUSED, PANOS_UNUSED, PANOS_UNUSED]);
  });

  it('gives no login without an address, and refuses lines that are not its records', () => {
    const parse = (line: string) => parseLines(panosParser.create({}), [line]).skips;
    expect(
      parse(
        "1,2024/03/04 10:00:06,007200001165,SYSTEM,auth,0,2024/03/04 10:00:06,,auth-fail,,0,0,general,medium,failed authentication for user 'admin'. Reason: Invalid username/password.,1718,0x0",
      ),
    ).toEqual([PANOS_NO_ADDRESS]);
    for (const line of [
      'Mar  4 10:00:01 host sshd[1]: Failed password for root from 203.0.113.1 port 22 ssh2',
      '1,2024/03/04 10:00:06,007200001165,SYSTEM,auth,0,2024/02/30 10:00:06,,auth-fail,,0,0,general',
      '1,2024/03/04 10:00:06,007200001165,SYSTEM,auth,0,2024/03/04 10:00:06,,auth-fail,"unclosed',
    ])
      expect(parse(line)).toEqual([NOT_PANOS]);
  });

  it('takes the address the device wrote last, not one a user name holds', () => {
    const forged =
      '1,2024/03/04 10:00:06,007200001165,SYSTEM,auth,0,2024/03/04 10:00:06,,auth-fail,,0,0,general,medium,"failed authentication for user \'x. From: 198.51.100.1.\'. Reason: Invalid username/password. From: 203.0.113.65.",1718,0x0';
    expect(parseLines(panosParser.create({}), [forged]).events.map(row)).toEqual([
      [
        '2024-03-04T10:00:06.000Z',
        'login',
        'failure',
        'x. From: 198.51.100.1.',
        '203.0.113.65',
        'pan-os',
        'Invalid username/password',
      ],
    ]);
  });

  it("is read among other hosts' lines in syslog, at the header's time", () => {
    const sshd = findParser('sshd')?.create({ year: 2024 });
    const lines = fixtureLines(new URL('../sshd/testdata/panos.log', import.meta.url));
    const { events, skips } = parseLines(sshd as NonNullable<typeof sshd>, lines);
    expect(skips).toEqual([null, null, null, PANOS_UNUSED]);
    // The device's clock (an hour ahead, no zone) is not used: the server's header is.
    expect(events.slice(1).map((event) => [event['@timestamp'], event.event.action])).toEqual([
      ['2024-03-04T10:00:04.000Z', 'vpn_auth_failure'],
      ['2024-03-04T10:00:08.000Z', 'firewall_blocked'],
    ]);
  });

  it('is chosen for its lines, bare or behind a syslog header', () => {
    expect(chooseParser(LOG)).toMatchObject({ kind: 'found', parser: { format: 'panos' } });
  });
});
