import { describe, expect, it } from 'vitest';
import { resolveSettingPaths } from './resolve-paths.ts';

describe('resolveSettingPaths', () => {
  it('makes path settings absolute against the config folder and leaves the rest', () => {
    const settings = {
      path: 'alerts.jsonl',
      ca_file: './certs/ca.pem',
      spool_dir: '/var/spool/klaxon',
      pgp_public_keys: {
        'a@example.com': 'keys/a.asc',
        'b@example.com': '-----BEGIN PGP PUBLIC KEY BLOCK-----\n...',
      },
      url: './not-a-path',
      port_file: 42,
    };
    expect(resolveSettingPaths(settings, '/etc/klaxon')).toEqual({
      path: '/etc/klaxon/alerts.jsonl',
      ca_file: '/etc/klaxon/certs/ca.pem',
      spool_dir: '/var/spool/klaxon',
      pgp_public_keys: {
        'a@example.com': '/etc/klaxon/keys/a.asc',
        'b@example.com': '-----BEGIN PGP PUBLIC KEY BLOCK-----\n...',
      },
      url: './not-a-path',
      port_file: 42,
    });
  });
});

describe('resolveSettingPaths with lists', () => {
  it('makes every path of a list absolute (a file source following several files and globs)', () => {
    expect(
      resolveSettingPaths({ path: ['auth.log', '/var/log/secure*', 'logs/*.log'] }, '/etc/klaxon'),
    ).toEqual({
      path: ['/etc/klaxon/auth.log', '/var/log/secure*', '/etc/klaxon/logs/*.log'],
    });
  });
});
