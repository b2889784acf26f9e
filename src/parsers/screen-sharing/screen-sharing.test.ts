import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../core/index.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { matchScreenSharingLogin } from './match-screen-sharing.ts';

// A macOS host's syslog as `log show --style syslog` writes it (and one older system.log line),
// written for these tests after the form of screensharingd's and sshd's messages.
const MACOS = readFileSync(new URL('../sshd/testdata/macos.log', import.meta.url), 'utf8')
  .trimEnd()
  .split('\n');

const summary = (event: SecurityEvent) => ({
  time: event['@timestamp'],
  action: event.event.action,
  outcome: event.event.outcome,
  user: (event.user as { name?: string } | undefined)?.name,
  ip: (event.source as { ip?: string } | undefined)?.ip,
  host: (event.host as { name?: string } | undefined)?.name,
});

describe("macOS's syslog-style lines", () => {
  it("are read with their zone's time: sshd's logins and Screen Sharing's", () => {
    const { events: all, skips } = parse(MACOS);
    expect(skips.filter((skip) => skip !== null)).toEqual([
      'not-sshd', // a viewer address that is not one
      'not-sshd', // a screensharingd line about something else
    ]);
    // Connection closed ... [preauth] on a connection that logged nothing else: a probe, no attempt.
    const probes = all.filter((event) => event.event.action === 'ssh_closed_before_auth');
    expect(probes.map(summary)).toEqual([
      {
        time: '2024-03-04T10:00:05.501Z',
        action: 'ssh_closed_before_auth',
        outcome: 'failure',
        user: undefined,
        ip: '192.0.2.33',
        host: 'localhost',
      },
    ]);
    const events = all.filter((event) => !probes.includes(event));
    expect(events.map(summary)).toEqual([
      {
        time: '2024-03-04T10:00:01.101Z',
        action: 'ssh_login',
        outcome: 'failure',
        user: 'badguy',
        ip: '192.0.2.31',
        host: 'localhost',
      },
      { ...summary(events[1] as SecurityEvent), action: 'ssh_login', outcome: 'failure', user: 'alice' },
      { ...summary(events[2] as SecurityEvent), action: 'ssh_login', outcome: 'failure', ip: '192.0.2.32' },
      { ...summary(events[3] as SecurityEvent), action: 'ssh_login', outcome: 'success', user: 'alice' },
      {
        time: '2024-03-04T10:00:06.601Z',
        action: 'screen_sharing_login',
        outcome: 'failure',
        user: 'alice',
        ip: '192.0.2.40',
        host: 'localhost',
      },
      // A VNC password login names no user.
      { ...summary(events[5] as SecurityEvent), outcome: 'failure', user: undefined, ip: '192.0.2.41' },
      { ...summary(events[6] as SecurityEvent), outcome: 'success', user: 'alice', ip: '192.0.2.40' },
      {
        ...summary(events[7] as SecurityEvent),
        outcome: 'failure',
        user: 'x :: Viewer Address: 10.0.0.1 :: Type: DH',
        ip: '192.0.2.42',
      },
      {
        time: '2024-03-04T10:00:11.000Z',
        action: 'screen_sharing_login',
        outcome: 'failure',
        user: 'carol',
        ip: '2001:db8::40',
        host: 'mac',
      },
    ]);
    expect(events.slice(4).every((event) => event.event.action === 'screen_sharing_login')).toBe(true);
    expect(events[4]).toMatchObject({
      event: { category: ['authentication'], type: ['start'], module: 'system' },
      process: { name: 'screensharingd', pid: 3535 },
      service: { name: 'vnc' },
      related: { user: ['alice'], ip: ['192.0.2.40'], hosts: ['localhost'] },
    });
  });
});

describe('matchScreenSharingLogin', () => {
  it('takes the address screensharingd writes after the user, however the user name reads', () => {
    const forged = matchScreenSharingLogin(
      'Authentication: SUCCEEDED :: User Name: a :: Viewer Address: 10.0.0.9 :: Type: DH :: Viewer Address: 198.51.100.3',
    );
    expect(forged).toEqual({
      outcome: 'success',
      user: 'a :: Viewer Address: 10.0.0.9 :: Type: DH',
      ip: '198.51.100.3',
    });
  });

  it('reads no login from other messages or a garbled one', () => {
    for (const message of [
      'Authentication: FAILED',
      'Authentication: FAILED :: User Name: a',
      'Authentication: MAYBE :: User Name: a :: Viewer Address: 198.51.100.3 :: Type: DH',
      'Authentication: FAILED :: User Name: a :: Viewer Address:  :: Type: DH',
      `Authentication: FAILED :: User Name: ${'a'.repeat(300)} :: Viewer Address: 198.51.100.3 :: Type: DH`,
      'Viewer Address: 198.51.100.3',
    ])
      expect(matchScreenSharingLogin(message), message).toBeUndefined();
  });
});
