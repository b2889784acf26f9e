import { describe, expect, it } from 'vitest';
import { chooseParser, findParser } from '../registry.ts';
import { deviceLoginRow, fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import { NOT_SOPHOS, SOPHOS_NO_ADDRESS, SOPHOS_UNUSED, sophosParser } from './index.ts';

// Written for these tests after Sophos Firewall's syslog guide (SFOS 18.5's and 19.5's formats:
// authentication, administrator and firewall rule logs), bare, with syslog's PRI or behind a
// syslog server's header.
const LOG = fixtureLines(new URL('./testdata/sophos.log', import.meta.url));

const row = deviceLoginRow;

describe("Sophos Firewall's log", () => {
  const { events, skips } = parseLines(sophosParser.create({ timeZone: 'UTC' }), LOG);

  it("reads VPN, users' and administrators' logins, at the offset the line names", () => {
    expect(events.filter((event) => event.event.category?.[0] === 'authentication').map(row)).toEqual([
      ['2024-03-04T10:00:01.000Z', 'vpn_auth_failure', 'failure', 'jdoe', '203.0.113.80', 'sophos-vpn'],
      ['2024-03-04T10:00:02.000Z', 'vpn_login', 'success', 'asmith', '198.51.100.81', 'sophos-vpn'],
      // IST names three zones: read in the parser's zone (UTC here).
      ['2024-03-04T10:00:03.000Z', 'login', 'failure', 'guest1', '10.0.0.82', 'sophos-user'],
      // SFOS 19.5: `timestamp` with its offset.
      ['2024-03-04T10:00:04.000Z', 'login', 'failure', 'admin', '203.0.113.83', 'sophos'],
    ]);
    expect(events[0]).toMatchObject({
      event: { module: 'sophos', dataset: 'sophos.xg', code: '063110617711' },
      observer: { vendor: 'Sophos', product: 'XG', name: 'XG210', serial_number: 'C23009W6XF0001' },
    });
  });

  it('reads packets a firewall rule denied', () => {
    const packets = events.filter((event) => event.event.action === 'firewall_blocked');
    expect(
      packets.map((event) => [
        event['@timestamp'],
        event.source,
        event.destination,
        event.network,
        event.rule,
      ]),
    ).toEqual([
      [
        '2024-03-04T10:00:06.000Z',
        { address: '203.0.113.84', ip: '203.0.113.84', port: 40000 },
        { address: '192.0.2.30', ip: '192.0.2.30', port: 3389 },
        { type: 'ipv4', transport: 'tcp' },
        { id: '0' },
      ],
    ]);
    expect(packets[0]).toMatchObject({
      event: { module: 'sophos', dataset: 'sophos.xg', code: '010102600002', outcome: 'failure' },
      observer: { serial_number: 'X21001ABCD0002', ingress: { interface: { name: 'Port2' } } },
    });
  });

  it("reads the IPS's detections", () => {
    const alerts = events.filter((event) => event.event.action === 'intrusion_detected');
    expect(
      alerts.map((event) => [event['@timestamp'], event.rule, event.event.type, event.event.reason]),
    ).toEqual([
      [
        '2024-03-04T10:00:09.000Z',
        { name: 'SERVER-APACHE Apache Log4j logging remote code execution attempt', id: '58722' },
        ['denied'],
        'Drop',
      ],
    ]);
  });

  it('skips a change an administrator made, allowed traffic, and a login without an address', () => {
    expect(skips.filter((skip) => skip !== null)).toEqual([SOPHOS_UNUSED, SOPHOS_UNUSED, SOPHOS_NO_ADDRESS]);
  });

  it("reads a component that names an object's property as unused, not as a login", () => {
    const line =
      'device="SFW" date=2024-03-04 time=11:00:01 log_type="Event" log_component="constructor" status="Failed" src_ip=203.0.113.1';
    expect(parseLines(sophosParser.create({}), [line]).skips).toEqual([SOPHOS_UNUSED]);
  });

  it('refuses lines that are not its records', () => {
    for (const line of [
      'Mar  4 10:00:01 host sshd[1]: Failed password for root from 203.0.113.1 port 22 ssh2',
      'device="SFW" date=2024-03-04 time=11:00:01 status="Failed" src_ip=203.0.113.1',
      'device="SFW" date=2024-02-30 time=11:00:01 log_type="Event" src_ip=203.0.113.1',
      'device_name="SFW" timestamp="2024-03-04T11:00:04+9999" log_type="Event"',
    ])
      expect(parseLines(sophosParser.create({}), [line]).skips).toEqual([NOT_SOPHOS]);
  });

  it("is read among other hosts' lines in syslog", () => {
    const sshd = findParser('sshd')?.create({ year: 2024 });
    const lines = fixtureLines(new URL('../sshd/testdata/sophos.log', import.meta.url));
    const { events, skips } = parseLines(sshd as NonNullable<typeof sshd>, lines);
    expect(skips).toEqual([null, null, null]);
    expect(events.slice(1).map((event) => [event['@timestamp'], event.event.action])).toEqual([
      // IST names no one offset: the header's time.
      ['2024-03-04T10:00:03.000Z', 'login'],
      ['2024-03-04T10:00:06.000Z', 'firewall_blocked'],
    ]);
  });

  it('is chosen for its lines, bare or behind a syslog header', () => {
    expect(chooseParser(LOG)).toMatchObject({ kind: 'found', parser: { format: 'sophos' } });
  });
});
