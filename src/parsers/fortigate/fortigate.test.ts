import { describe, expect, it } from 'vitest';
import { chooseParser, findParser } from '../registry.ts';
import { deviceLoginRow, fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import { FORTIGATE_NO_ADDRESS, FORTIGATE_UNUSED, fortigateParser, NOT_FORTIGATE } from './index.ts';
import { MOST_PAIRS, readKeyValues } from '../read-key-values.ts';

// Written for these tests after FortiOS's log reference (log ids 0100032001/2, 0101039424/6,
// 0000000013, 0001000014, 0419016384) and its default syslog format, sent bare, with syslog's PRI,
// or stored behind a syslog server's time and host.
const LOG = fixtureLines(new URL('./testdata/fortigate.log', import.meta.url));

const row = deviceLoginRow;

describe("FortiGate's log", () => {
  const { events, skips } = parseLines(fortigateParser.create({}), LOG);

  it("reads administrators' and SSL VPN logins, their time at the device's offset", () => {
    expect(events.filter((event) => event.event.category?.[0] === 'authentication').map(row)).toEqual([
      ['2024-03-04T09:00:01.000Z', 'login', 'failure', 'admin', '198.51.100.7', 'fortigate'],
      // No srcip: the address of `ui="ssh(...)"`, in its short form.
      ['2024-03-04T09:00:03.000Z', 'login', 'failure', 'root', '2001:db8::7', 'fortigate'],
      ['2024-03-04T09:05:00.000Z', 'login', 'success', 'netops', '192.0.2.50', 'fortigate'],
      [
        '2024-03-04T09:06:10.000Z',
        'vpn_auth_failure',
        'failure',
        'CORP\\jdoe',
        '203.0.113.90',
        'fortigate-vpn',
      ],
      // `user="N/A"` names nobody.
      ['2024-03-04T09:06:12.000Z', 'vpn_auth_failure', 'failure', undefined, '203.0.113.90', 'fortigate-vpn'],
      ['2024-03-04T09:07:00.000Z', 'vpn_login', 'success', 'asmith', '198.51.100.20', 'fortigate-vpn'],
      // No tz: read in the parser's zone (UTC here).
      ['2024-03-04T10:10:00.000Z', 'login', 'failure', 'admin', '198.51.100.8', 'fortigate'],
      // FortiOS 5.4: values unquoted, `ui=https(ADDR)` among them.
      ['2016-06-14T12:22:01.000Z', 'login', 'failure', 'support', '198.51.100.10', 'fortigate'],
    ]);
    expect(events[0]).toMatchObject({
      event: {
        module: 'fortinet',
        dataset: 'fortinet.firewall',
        code: '0100032002',
        category: ['authentication'],
        reason: 'passwd_invalid',
      },
      network: { protocol: 'https' },
      observer: {
        vendor: 'Fortinet',
        product: 'FortiGate',
        name: 'FGT-HQ',
        serial_number: 'FG100FTK19000001',
      },
      related: { user: ['admin'], ip: ['198.51.100.7'] },
    });
  });

  it('reads denied sessions as blocked packets, forward and to the device itself', () => {
    const packets = events.filter((event) => event.event.action === 'firewall_blocked');
    expect(packets.map((event) => [event.source, event.destination, event.network, event.rule])).toEqual([
      [
        { address: '203.0.113.44', ip: '203.0.113.44', port: 51514 },
        { address: '192.0.2.25', ip: '192.0.2.25', port: 3389 },
        { type: 'ipv4', transport: 'tcp' },
        { id: '0' },
      ],
      [
        { address: '203.0.113.44', ip: '203.0.113.44', port: 40000 },
        { address: '192.0.2.1', ip: '192.0.2.1', port: 161 },
        { type: 'ipv4', transport: 'udp' },
        { id: '4', name: 'block-snmp' },
      ],
      // FortiOS 4: the verdict in `status`, `src`, `src_port`, `dst`, ...; `dst_int="N/A"` names none.
      [
        { address: '203.0.113.45', ip: '203.0.113.45', port: 1111 },
        { address: '192.0.2.30', ip: '192.0.2.30', port: 23 },
        { type: 'ipv4', transport: 'tcp' },
        { id: '0' },
      ],
    ]);
    expect(packets[2]?.observer).toEqual({
      vendor: 'Fortinet',
      product: 'FortiGate',
      type: 'firewall',
      name: 'FGT-OLD',
      serial_number: 'FG100A0000000001',
      ingress: { interface: { name: 'wan1' } },
    });
    expect(packets[2]?.event.code).toBe('0038016004');
    expect(packets[0]).toMatchObject({
      event: { module: 'fortinet', dataset: 'fortinet.firewall', code: '0000000013', outcome: 'failure' },
      observer: {
        name: 'FGT-HQ',
        ingress: { interface: { name: 'wan1' } },
        egress: { interface: { name: 'internal' } },
      },
    });
  });

  it("reads the IPS's detections, the signature in rule.name", () => {
    const alerts = events.filter((event) => event.event.action === 'intrusion_detected');
    expect(
      alerts.map((event) => [
        event.rule,
        event.event.type,
        event.event.reason,
        event.source,
        event.destination,
      ]),
    ).toEqual([
      [
        { name: 'Apache.Log4j.Error.Log.Remote.Code.Execution' },
        ['denied'],
        'dropped',
        { address: '203.0.113.44', ip: '203.0.113.44' },
        { address: '192.0.2.25', ip: '192.0.2.25' },
      ],
    ]);
    expect(alerts[0]).toMatchObject({
      event: {
        kind: 'alert',
        category: ['intrusion_detection', 'network'],
        module: 'fortinet',
        code: '0419016384',
      },
      observer: { name: 'FGT-HQ' },
    });
  });

  it('skips allowed traffic as unused, and nothing else', () => {
    expect(skips.filter((skip) => skip !== null)).toEqual([FORTIGATE_UNUSED]);
  });

  it('gives no login without an address, and refuses lines that are not its records', () => {
    const parse = (line: string) => parseLines(fortigateParser.create({}), [line]);
    const noAddress =
      'date=2024-03-04 time=10:00:01 logid="0100032002" type="event" subtype="system" user="admin" ui="console" action="login" status="failed"';
    expect(parse(noAddress).skips).toEqual([FORTIGATE_NO_ADDRESS]);
    for (const line of [
      'Mar  4 10:00:01 host sshd[1]: Failed password for root from 203.0.113.1 port 22 ssh2',
      // A pair without its date and time.
      'logid="0100032002" type="event" subtype="system" action="login" status="failed" srcip=203.0.113.1',
      // An unclosed quote.
      'date=2024-03-04 time=10:00:01 logid="0100032002 type=event',
      'date=2024-13-04 time=10:00:01 logid="0100032002" type="event"',
      'date=2024-02-30 time=10:00:01 logid="0100032002" type="event"',
    ])
      expect(parse(line).skips).toEqual([NOT_FORTIGATE]);
  });

  it("reads a time whose offset is none in the parser's zone, not a hundred hours away", () => {
    const line =
      'date=2024-03-04 time=10:00:01 tz="+9999" logid="0100032002" type="event" subtype="system" user="admin" srcip=203.0.113.1 action="login" status="failed"';
    expect(parseLines(fortigateParser.create({}), [line]).events.map((event) => event['@timestamp'])).toEqual(
      ['2024-03-04T10:00:01.000Z'],
    );
  });

  it('keeps the first of a repeated key: a value cannot be overridden by a later copy', () => {
    const forged =
      'date=2024-03-04 time=10:00:01 logid="0101039426" type="event" subtype="vpn" action="ssl-login-fail" remip=203.0.113.90 user="x remip=198.51.100.1" remip=198.51.100.1';
    expect(parseLines(fortigateParser.create({}), [forged]).events.map(row)).toEqual([
      [
        '2024-03-04T10:00:01.000Z',
        'vpn_auth_failure',
        'failure',
        'x remip=198.51.100.1',
        '203.0.113.90',
        'fortigate-vpn',
      ],
    ]);
  });

  it('reads a bounded number of pairs', () => {
    const many = Array.from({ length: MOST_PAIRS + 1 }, (_, index) => `k${index}=v`).join(' ');
    expect(readKeyValues(many, 0)).toBeUndefined();
    expect(readKeyValues('a="say \\"hi\\"" b=2', 0)).toEqual(
      new Map([
        ['a', 'say "hi"'],
        ['b', '2'],
      ]),
    );
  });

  it("is read among other hosts' lines in syslog, at the header's time where it names no offset", () => {
    const sshd = findParser('sshd')?.create({ year: 2024, timeZone: 'Europe/Berlin' });
    // A server in UTC: its header's clock is an hour behind the device's, whose offset is +0100.
    const lines = fixtureLines(new URL('../sshd/testdata/fortigate.log', import.meta.url));
    const { events, skips } = parseLines(sshd as NonNullable<typeof sshd>, lines);
    expect(skips).toEqual([null, null, null, FORTIGATE_UNUSED]);
    expect(events.slice(1).map(row)).toEqual([
      ['2024-03-04T09:07:00.000Z', 'vpn_login', 'success', 'asmith', '198.51.100.20', 'fortigate-vpn'],
      ['2024-03-04T09:12:00.000Z', 'login', 'failure', 'admin', '198.51.100.9', 'fortigate'],
    ]);
  });

  it('is chosen for its lines, bare or behind a syslog header', () => {
    expect(chooseParser(LOG)).toMatchObject({ kind: 'found', parser: { format: 'fortigate' } });
  });
});
