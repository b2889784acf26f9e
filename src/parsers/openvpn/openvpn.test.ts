import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import { chooseParser } from '../registry.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { openvpnParser } from './index.ts';

// The first line is the CrowdSec hub's openvpn-bf test line; the others were written for this test
// after OpenVPN's messages: its two time formats, a client's name (or a user's, under
// username-as-common-name) before its address, lines that refuse no one, and another log's line.
const LOG = fixtureLines(new URL('./testdata/openvpn.log', import.meta.url));

const summary = (event: SecurityEvent) => [
  event['@timestamp'],
  event.event.action,
  (event.source as { ip: string; port?: number }).ip,
  (event.source as { ip: string; port?: number }).port,
];

describe("OpenVPN's own log", () => {
  it('gives each refused password and each packet without the TLS key, from the address OpenVPN wrote', () => {
    const { events, skips } = parseLines(openvpnParser.create({}), LOG);
    expect(events.map(summary)).toEqual([
      ['2024-12-15T14:12:12.000Z', 'openvpn_tls_rejected', '192.168.1.31', 45321],
      ['2024-03-04T10:00:01.000Z', 'openvpn_auth_failure', '203.0.113.231', 50001],
      ['2024-03-04T10:00:02.000Z', 'openvpn_auth_failure', '203.0.113.232', 50002],
      // A name holding an address and port of its own: the address after the slash is OpenVPN's.
      ['2024-03-04T10:00:03.000Z', 'openvpn_auth_failure', '203.0.113.233', 50003],
      ['2024-03-04T10:00:04.000Z', 'openvpn_tls_rejected', '2001:db8::234', 50004],
    ]);
    expect(events[1]).toMatchObject({
      event: { category: ['authentication', 'network'], outcome: 'failure', module: 'openvpn' },
      service: { name: 'openvpn' },
    });
    expect(skips.slice(5)).toEqual(['openvpn-line-unused', 'openvpn-line-unused', 'not-openvpn-log']);
  });

  it('is recognised by its lines, and a log that only starts with such a time is not', () => {
    const choice = chooseParser(LOG);
    expect(choice.kind === 'found' && choice.parser.format).toBe('openvpn');
    const mariadb = chooseParser([LOG.at(-1) as string]);
    expect(mariadb.kind === 'found' && mariadb.parser.format).toBe('mysql');
  });
});

describe("OpenVPN's lines in syslog, read by the sshd parser", () => {
  it('are the same refusals, at the syslog time, under `openvpn` or `ovpn-NAME`', () => {
    // The first is the CrowdSec hub's openvpn-logs test line.
    const { events, skips } = parse([
      'Apr  5 11:26:07 vpn ovpn-server[380]: TLS Error: tls-crypt unwrapping failed from [AF_INET]9.10.11.12:55555',
      'Mar  4 10:00:01 vpn openvpn[42]: 203.0.113.237:1194 TLS Auth Error: Auth Username/Password verification failed for peer',
      'Mar  4 10:00:02 vpn openvpn[42]: 203.0.113.237:1194 Peer Connection Initiated with [AF_INET]203.0.113.237:1194',
    ]);
    expect(events.map(summary)).toEqual([
      ['2024-04-05T11:26:07.000Z', 'openvpn_tls_rejected', '9.10.11.12', 55555],
      ['2024-03-04T10:00:01.000Z', 'openvpn_auth_failure', '203.0.113.237', 1194],
    ]);
    expect(events[0]).toMatchObject({ host: { name: 'vpn' } });
    expect(skips[2]).toBe('openvpn-line-unused');
  });
});
