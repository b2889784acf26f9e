import { describe, expect, it } from 'vitest';
import { fixtureLines } from '../testdata/fixture-lines.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';

// The first line is the CrowdSec hub's smb-logs test line; the others were written for these tests
// after Samba's auth_log.c: a wrong password, an LDAP simple bind to a domain controller, a login, a
// workstation name holding a second status and remote host, and an authorisation (no login).
const SAMBA = fixtureLines(new URL('../sshd/testdata/samba.log', import.meta.url));

const summary = (event: SecurityEvent) => [
  event.event.action,
  event.event.outcome,
  event.user,
  (event.source as { ip: string } | undefined)?.ip,
  event.event.reason,
];

describe("Samba's authentication audit in syslog, read by the sshd parser", () => {
  const { events, skips } = parse(SAMBA);

  it('gives each authentication from the remote host Samba wrote, the account as the client named it', () => {
    expect(events.map(summary)).toEqual([
      ['smb_login', 'failure', { name: 'toto' }, '1.2.3.4', 'NT_STATUS_NO_SUCH_USER'],
      [
        'smb_login',
        'failure',
        { name: 'admin', domain: 'WORKGROUP' },
        '203.0.113.160',
        'NT_STATUS_WRONG_PASSWORD',
      ],
      ['smb_login', 'failure', { name: 'bob', domain: 'CORP' }, '2001:db8::161', 'NT_STATUS_LOGON_FAILURE'],
      ['smb_login', 'success', { name: 'alice', domain: 'WORKGROUP' }, '198.51.100.162', 'NT_STATUS_OK'],
      ['log_address_forged', undefined, undefined, undefined, expect.stringMatching(/^2 client addresses/)],
    ]);
    expect(events[0]).toMatchObject({
      '@timestamp': '2024-09-24T10:04:52.000Z',
      event: { category: ['authentication'], module: 'samba' },
      service: { name: 'smb' },
      source: { port: 62419 },
      host: { name: 'host2' },
    });
    expect(events[4]?.related).toMatchObject({ ip: ['198.51.100.66', '203.0.113.163'] });
  });

  it('leaves out what is no authentication', () => {
    expect(skips.at(-1)).toBe('samba-line-unused');
  });
});
