import { describe, expect, it } from 'vitest';
import { fixtureLines } from '../testdata/fixture-lines.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';

// Lines written for these tests after miniserv.pl's and phpMyAdmin's log messages, as syslog
// writes them: logins, a user name holding a login line, an expired session, a start-up message.
const WEB_ADMIN = fixtureLines(new URL('../sshd/testdata/web-admin.log', import.meta.url));
const summary = (event: SecurityEvent) => [
  event.event.outcome,
  (event.service as { name: string }).name,
  (event.user as { name: string } | undefined)?.name,
  (event.source as { ip: string }).ip,
  event.event.reason,
];

describe("Webmin's, Usermin's and phpMyAdmin's logins in syslog, read by the sshd parser", () => {
  it('are application logins, from the address each writes last', () => {
    const { events, skips } = parse(WEB_ADMIN);
    expect(events.map(summary)).toEqual([
      ['failure', 'webmin', 'root', '203.0.113.90', 'Invalid login'],
      ['failure', 'webmin', 'robert', '2001:db8::91', 'Non-existent login'],
      ['failure', 'usermin', 'bob', '203.0.113.92', 'Invalid login'],
      ['success', 'webmin', 'admin', '198.51.100.93', 'Successful login'],
      ['failure', 'webmin', 'x from 198.51.100.66', '203.0.113.94', 'Invalid login'],
      ['failure', 'phpmyadmin', 'root', '203.0.113.95', 'mysql-denied'],
      ['success', 'phpmyadmin', 'dba', '198.51.100.96', 'user accepted'],
    ]);
    expect(skips.slice(-2).every((skip) => skip !== null)).toBe(true);
    expect(events[0]).toMatchObject({
      event: { action: 'login', category: ['authentication', 'web'], module: 'webmin' },
      host: { name: 'panel' },
    });
  });
});
