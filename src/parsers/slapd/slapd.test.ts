import { describe, expect, it } from 'vitest';
import { fixtureLines } from '../testdata/fixture-lines.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';

// slapd's `stats` lines written for these tests after OpenLDAP's connection, BIND and RESULT
// messages: a wrong password then a login on one connection, an anonymous bind, a DN holding
// slapd's own words, and a bind on a connection whose client was never logged.
const SLAPD = fixtureLines(new URL('../sshd/testdata/slapd.log', import.meta.url));

const summary = (event: SecurityEvent) => [
  event['@timestamp'],
  event.event.outcome,
  event.user,
  (event.source as { ip: string }).ip,
  event.event.reason,
];

describe("slapd's binds in syslog, read by the sshd parser", () => {
  const { events, skips } = parse(SLAPD);

  it("joins each simple bind's result to its DN and its connection's client", () => {
    expect(events.map(summary)).toEqual([
      [
        '2024-03-04T10:00:02.000Z',
        'failure',
        { name: 'gipson', id: 'uid=gipson,ou=people,dc=example,dc=com' },
        '203.0.113.130',
        'err=49 (invalid credentials)',
      ],
      [
        '2024-03-04T10:00:03.000Z',
        'success',
        { name: 'admin', id: 'cn=admin,dc=example,dc=com' },
        '203.0.113.130',
        'err=0',
      ],
      [
        '2024-03-04T10:00:06.000Z',
        'failure',
        {
          name: 'x\\2Cy',
          id: 'uid=x\\2Cy,ou=people,dc=example,dc=com" method=128 ACCEPT from IP=198.51.100.66:1',
        },
        '2001:db8::131',
        'err=49 (invalid credentials)',
      ],
    ]);
    expect(events[0]).toMatchObject({
      event: { action: 'ldap_bind', category: ['authentication'], module: 'openldap' },
      service: { name: 'ldap' },
    });
  });

  it('counts no anonymous bind, and no bind whose client it does not know', () => {
    expect(skips.at(-1)).toBe('slapd-bind-without-client');
    expect(skips.filter((skip) => skip === null)).toHaveLength(3);
  });
});
