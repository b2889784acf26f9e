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

describe("Proxmox's logins in syslog, read by the sshd parser", () => {
  it('are application logins from the address its daemon wrote, the user without its realm', () => {
    // After pvedaemon's lines in the CrowdSec hub's proxmox tests, and lines written for this test
    // (Backup Server's bracketed address, a user name holding " msg=", a daemon's own message).
    const { events, skips } = parse([
      "Jan  4 17:34:01 hypervisor pvedaemon[3663339]: authentication failure; rhost=2001:bc8:628:1811::1 user=toor@pam msg=no such user ('toor@pam')",
      'Jan  4 17:34:07 hypervisor pvedaemon[3483744]: authentication failure; rhost=::ffff:172.21.10.2 user=root@pam msg=Authentication failure',
      'Jan  4 17:34:09 pbs proxmox-backup-proxy[812]: authentication failure; rhost=[::ffff:203.0.113.97]:52254 user=admin@pbs msg=authentication failed',
      'Jan  4 17:34:10 hypervisor pveproxy[1201]: authentication failure; rhost=198.51.100.98 user=x msg=y@pam msg=Authentication failure',
      "Jan  4 17:34:11 hypervisor pvedaemon[2891825]: <root@pam> successful auth for user 'root@pam'",
      'Jan  4 17:34:12 hypervisor pvedaemon[2891825]: starting 3 worker(s)',
    ]);
    expect(
      events.map((event) => [
        event.event.outcome,
        (event.service as { name: string }).name,
        (event.user as { name: string } | undefined)?.name,
        (event.source as { ip: string } | undefined)?.ip,
        event.event.reason,
      ]),
    ).toEqual([
      ['failure', 'proxmox', 'toor', '2001:bc8:628:1811::1', "no such user ('toor@pam')"],
      ['failure', 'proxmox', 'root', '172.21.10.2', 'Authentication failure'],
      ['failure', 'proxmox', 'admin', '203.0.113.97', 'authentication failed'],
      ['failure', 'proxmox', 'x', '198.51.100.98', 'y@pam msg=Authentication failure'],
      ['success', 'proxmox', 'root', undefined, 'successful auth'],
    ]);
    expect(skips.at(-1)).not.toBeNull();
    expect(events[0]).toMatchObject({
      event: { action: 'login', module: 'proxmox' },
      host: { name: 'hypervisor' },
    });
  });
});

describe("Monit's web interface in syslog, read by the sshd parser", () => {
  it('counts a wrong password, an unknown user and an empty password; a request without credentials is none', () => {
    // Written for this test after the messages of Monit's http/processor.c (5.x, the address
    // bracketed or not) and of its 4.x `Warning: Client ... supplied ...`, with its own log's level
    // kept before them; a user name that holds a quote.
    const { events, skips } = parse([
      "Mar  4 10:00:01 nas monit[5731]: HttpRequest: access denied -- client [203.0.113.100]: wrong password for user 'admin'",
      "Mar  4 10:00:02 nas monit[5731]: HttpRequest: access denied -- client 203.0.113.101: unknown user 'guest'",
      'Mar  4 10:00:03 nas monit[5731]: HttpRequest: access denied -- client [2001:db8::102]: empty password',
      "Mar  4 10:00:04 nas monit[5731]: error    : Warning: Client '198.51.100.103' supplied wrong password for user 'root' accessing monit httpd",
      "Mar  4 10:00:05 nas monit[5731]: HttpRequest: access denied -- client [203.0.113.104]: wrong password for user 'o'neil'",
      'Mar  4 10:00:06 nas monit[5731]: HttpRequest: access denied -- client [203.0.113.105]: empty username',
      "Mar  4 10:00:07 nas monit[5731]: HttpRequest: access denied -- client [203.0.113.106]: unknown user ''",
      'Mar  4 10:00:08 nas monit[5731]: HttpRequest: access denied -- client [203.0.113.107]: missing or invalid Authorization header',
      "Mar  4 10:00:09 nas monit[5731]: 'nas' Monit 5.33.0 started",
    ]);
    expect(events.map(summary)).toEqual([
      ['failure', 'monit', 'admin', '203.0.113.100', 'wrong password'],
      ['failure', 'monit', 'guest', '203.0.113.101', 'unknown user'],
      ['failure', 'monit', undefined, '2001:db8::102', 'empty password'],
      ['failure', 'monit', 'root', '198.51.100.103', 'wrong password'],
      ['failure', 'monit', "o'neil", '203.0.113.104', 'wrong password'],
    ]);
    expect(skips.slice(5).every((skip) => skip !== null)).toBe(true);
    expect(events[0]).toMatchObject({ event: { action: 'login', module: 'monit' }, host: { name: 'nas' } });
  });
});

describe("Drupal's and Froxlor's logins in syslog, read by the sshd parser", () => {
  // Written for this test after Drupal's syslog module (its default format, under its default name
  // and a site's) and Froxlor's login messages.
  const LINES = fixtureLines(new URL('../sshd/testdata/cms-and-panels.log', import.meta.url));

  it("are application logins from the address Drupal's field and Froxlor's bracket hold", () => {
    const { events, skips } = parse(LINES);
    expect(events.map(summary)).toEqual([
      ['failure', 'drupal', 'admin', '203.0.113.170', 'login attempt failed'],
      // The request the client sent held a failure of its own: the message is Drupal's last field.
      ['failure', 'drupal', 'editor', '2001:db8::171', 'login attempt failed'],
      // Flood control refused the address: no user checked.
      ['failure', 'drupal', undefined, '203.0.113.172', 'too many failed login attempts'],
      ['success', 'drupal', 'admin', '198.51.100.173', 'session opened'],
      ['failure', 'froxlor', 'admin', '203.0.113.175', 'unknown user'],
      ['failure', 'froxlor', 'web1', '203.0.113.176', 'wrong password'],
    ]);
    // Drupal's other types (a PHP notice holding the words); Froxlor's success, which it words otherwise.
    expect(skips[4]).toBe('not-sshd');
    expect(skips.at(-1)).toBe('not-sshd');
    expect(events[0]).toMatchObject({
      event: { action: 'login', module: 'drupal', dataset: 'drupal.watchdog' },
    });
  });
});
