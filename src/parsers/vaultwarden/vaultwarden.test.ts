import { describe, expect, it } from 'vitest';
import { fixtureLines, parseLines } from '../testdata/fixture-lines.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { chooseParser } from '../registry.ts';
import { parse } from '../sshd/testdata/sshd-rows.ts';
import { vaultwardenParser } from './index.ts';

// Vaultwarden's (two versions' heads) and Bitwarden's log lines, written for these tests after
// their failed-login messages.
const LOG = fixtureLines(new URL('./testdata/vault.log', import.meta.url));

const summary = (event: SecurityEvent) => [
  event['@timestamp'],
  (event.service as { name: string }).name,
  (event.user as { name: string } | undefined)?.name,
  (event.source as { ip: string }).ip,
  event.event.reason,
];

describe("Vaultwarden's and Bitwarden's logs", () => {
  const parser = vaultwardenParser.create({});
  const { events, skips } = parseLines(parser, LOG);

  it('gives each refused login as an application login, from the address the server wrote first', () => {
    expect(events.map(summary)).toEqual([
      [
        '2024-03-04T10:00:01.129Z',
        'vaultwarden',
        'alice@example.org',
        '203.0.113.110',
        'Username or password is incorrect',
      ],
      [
        '2024-03-04T10:00:02.562Z',
        'vaultwarden',
        'bob@example.org',
        '2001:db8::111',
        'Username or password is incorrect',
      ],
      [
        '2024-03-04T10:00:03.000Z',
        'vaultwarden',
        'carol',
        '203.0.113.112',
        'Username or password is incorrect',
      ],
      ['2024-03-04T10:00:04.001Z', 'vaultwarden', undefined, '203.0.113.113', 'Invalid admin token'],
      // The user name held an address of its own: it follows the one Vaultwarden wrote.
      [
        '2024-03-04T10:00:05.000Z',
        'vaultwarden',
        'x. IP: 198.51.100.66. Username: y',
        '203.0.113.114',
        'Username or password is incorrect',
      ],
      ['2024-03-04T02:00:07.008Z', 'bitwarden', undefined, '203.0.113.115', 'Failed login attempt'],
      [
        '2024-03-04T09:00:08.464Z',
        'bitwarden',
        undefined,
        '203.0.113.116',
        'Failed login attempt, 2FA invalid',
      ],
    ]);
    expect(events[0]).toMatchObject({
      event: { action: 'login', outcome: 'failure', module: 'vaultwarden', dataset: 'vaultwarden.identity' },
    });
    expect(skips).toEqual([
      ...Array<null>(5).fill(null),
      'vault-line-unused',
      null,
      null,
      'vault-line-unused',
      'not-vault-log',
    ]);
  });

  it('is recognised by its heads', () => {
    const choice = chooseParser(LOG.slice(0, -1));
    expect(choice.kind === 'found' && choice.parser.format).toBe('vaultwarden');
  });
});

describe("Vaultwarden's second factors and its times with an offset", () => {
  it('gives a refused TOTP or e-mailed code as a failed login, and reads the offset LOG_TIMESTAMP_FORMAT wrote', () => {
    // After the CrowdSec hub's vaultwarden tests.
    const { events } = parseLines(vaultwardenParser.create({}), [
      '[2024-03-07 21:16:33.743-0700][vaultwarden::api::core::two_factor::authenticator][ERROR] Invalid TOTP code! Server time: 2024-03-08 04:16:33 UTC IP: 192.168.43.14',
      '[2024-02-05 12:01:51.892][vaultwarden::api::core::two_factor::email][ERROR] Token is invalid! IP: 192.168.45.12',
      '[2024-03-02 17:38:19.023-0700][vaultwarden::api::identity][ERROR] Username or password is incorrect. Try again. IP: 192.168.1.2. Username: blah@gmail.com.',
      '[2024-03-02T17:38:20.000Z][vaultwarden::api::admin][ERROR] Invalid admin token. IP: 192.168.41.1',
    ]);
    expect(events.map(summary)).toEqual([
      [
        '2024-03-08T04:16:33.743Z',
        'vaultwarden',
        undefined,
        '192.168.43.14',
        'Invalid TOTP code (the password was right)',
      ],
      [
        '2024-02-05T12:01:51.892Z',
        'vaultwarden',
        undefined,
        '192.168.45.12',
        'e-mailed 2FA token is invalid (the password was right)',
      ],
      [
        '2024-03-03T00:38:19.023Z',
        'vaultwarden',
        'blah@gmail.com',
        '192.168.1.2',
        'Username or password is incorrect',
      ],
      ['2024-03-02T17:38:20.000Z', 'vaultwarden', undefined, '192.168.41.1', 'Invalid admin token'],
    ]);
    // The offset holds whatever zone the replay is told the log was written in.
    const berlin = parseLines(vaultwardenParser.create({ timeZone: 'Europe/Berlin' }), [
      '[2024-03-02 17:38:19.023-0700][vaultwarden::api::identity][ERROR] Username or password is incorrect. Try again. IP: 192.168.1.2. Username: blah@gmail.com.',
    ]);
    expect(berlin.events[0]?.['@timestamp']).toBe('2024-03-03T00:38:19.023Z');
  });
});

describe("Vaultwarden's and Bitwarden's lines in syslog, read by the sshd parser", () => {
  it('are the same refused logins', () => {
    const { events } = parse([
      'Mar  4 10:00:11 vault vaultwarden[812]: [vaultwarden::api::identity][ERROR] Username or password is incorrect. Try again. IP: 203.0.113.118. Username: dave.',
      '2024-03-04T10:00:12 e5a81dbf7fd1 Bitwarden-Identity[1]: [Bit.Core.IdentityServer.ResourceOwnerPasswordValidator] Failed login attempt. 203.0.113.119',
    ]);
    expect(events.map(summary)).toEqual([
      [
        '2024-03-04T10:00:11.000Z',
        'vaultwarden',
        'dave',
        '203.0.113.118',
        'Username or password is incorrect',
      ],
      ['2024-03-04T10:00:12.000Z', 'bitwarden', undefined, '203.0.113.119', 'Failed login attempt'],
    ]);
  });
});
