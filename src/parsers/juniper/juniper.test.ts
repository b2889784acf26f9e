import { describe, expect, it } from 'vitest';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { fixtureLines } from '../testdata/fixture-lines.ts';

// Written for these tests after Junos OS's RT_FLOW_SESSION_DENY message (the SRX's security flow
// logs) in its plain and structured syslog forms.
const LINES = fixtureLines(new URL('../sshd/testdata/juniper-srx.log', import.meta.url));

describe("a Juniper SRX's flow sessions in syslog (read by the sshd parser)", () => {
  const { events, skips } = parse(LINES);

  it('give the sessions its policy denied as blocked packets, the policy in rule.name', () => {
    expect(
      events.map((event) => [event.event.action, event.source, event.destination, event.network, event.rule]),
    ).toEqual([
      [
        'firewall_blocked',
        { address: '203.0.113.121', ip: '203.0.113.121', port: 40000 },
        { address: '192.0.2.10', ip: '192.0.2.10', port: 22 },
        { type: 'ipv4', transport: 'tcp' },
        { name: 'default-deny' },
      ],
      [
        'firewall_blocked',
        { address: '203.0.113.122', ip: '203.0.113.122', port: 40001 },
        { address: '192.0.2.11', ip: '192.0.2.11', port: 3389 },
        { type: 'ipv4', transport: 'udp' },
        { name: 'deny-rdp' },
      ],
    ]);
    expect(events[0]).toMatchObject({
      event: { module: 'juniper', dataset: 'juniper.srx' },
      host: { hostname: 'srx1' },
      observer: { ingress: { interface: { name: 'ge-0/0/0.0' } } },
    });
  });

  it('skips the sessions it let through', () => {
    expect(skips).toEqual([null, null, 'not-sshd']);
  });
});
