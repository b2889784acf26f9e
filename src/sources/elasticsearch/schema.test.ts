import { describe, expect, it } from 'vitest';
import { esConfigSchema, esSecretsSchema } from './schema.ts';

describe('elasticsearch schemas', () => {
  it('fills the defaults around url and index', () => {
    expect(esConfigSchema.parse({ url: 'https://es.example:9200', index: 'winlogbeat-*' })).toEqual({
      url: 'https://es.example:9200',
      index: 'winlogbeat-*',
      interval: '30s',
      overlap: '2m',
      page_size: 1000,
      timestamp_field: '@timestamp',
      start_from: '0s',
      timeout: '30s',
      compression_level: 0,
    });
  });

  it('takes the Beats keys hosts, cloud.id and ssl, and exactly one of url, hosts, cloud.id', () => {
    const hosts = esConfigSchema.parse({
      hosts: ['https://es1:9200', 'https://es2:9200'],
      index: 'filebeat-*',
      ssl: { certificate_authorities: ['/etc/ca.pem'], verification_mode: 'certificate' },
      compression_level: 5,
    });
    expect(hosts).toMatchObject({ hosts: ['https://es1:9200', 'https://es2:9200'], compression_level: 5 });
    expect(
      esConfigSchema.parse({ cloud: { id: 'prod:ZXUuZXhhbXBsZSRhYmMkZGVm' }, index: 'x' }).cloud,
    ).toEqual({
      id: 'prod:ZXUuZXhhbXBsZSRhYmMkZGVm',
    });
    expect(esConfigSchema.safeParse({ index: 'x' }).error?.issues[0]?.message).toBe(
      'set exactly one of url, hosts or cloud.id',
    );
    expect(
      esConfigSchema.safeParse({ url: 'http://a:9200', hosts: ['http://b:9200'], index: 'x' }).success,
    ).toBe(false);
    expect(
      esConfigSchema.safeParse({ url: 'http://a:9200', index: 'x', ssl: { verification_mode: 'maybe' } })
        .success,
    ).toBe(false);
  });

  it('accepts the documented example, a DSL query and a list of pushdowns', () => {
    const config = esConfigSchema.parse({
      url: 'https://es.example:9200/prefix',
      index: 'winlogbeat-*,logs-*',
      query: 'event.code:(4624 OR 4625)',
      interval: '30s',
      overlap: '2m',
      page_size: 500,
      timestamp_field: 'event.created',
      ca_file: '/etc/klaxon/ca.pem',
      username: 'elastic',
      start_from: '1h',
      pushdown: [
        { group_by: ['source.ip'], threshold: 5, window: '5m', rule: 'brute-force' },
        { group_by: ['source.ip', 'user.name'], threshold: 10, window: '10m' },
      ],
    });
    expect(config.pushdown).toHaveLength(2);
    expect(
      esConfigSchema.parse({ url: 'http://es:9200', index: 'a', query: { term: { 'event.code': '4625' } } })
        .query,
    ).toEqual({ term: { 'event.code': '4625' } });
  });

  it('names each bad setting', () => {
    const result = esConfigSchema.safeParse({
      url: 'https://elastic:changeme@es.example:9200',
      index: 'winlogbeat-*',
      interval: 'often',
      overlap: '-1m',
      page_size: 20_000,
      api_key: 'x',
      pushdown: { group_by: [], threshold: 0, window: '5m' },
    });
    const issues = result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^url: must not carry a user name or password/),
        expect.stringMatching(/^interval: must be a duration/),
        expect.stringMatching(/^overlap: must be a duration/),
        expect.stringMatching(/^page_size: /),
        expect.stringMatching(/^pushdown/),
        expect.stringMatching(/api_key/), // unknown in config: it belongs to the secrets
      ]),
    );
    expect(JSON.stringify(result.error?.issues)).not.toContain('changeme');
  });

  it('keeps secrets apart and rejects unknown secret keys', () => {
    expect(esSecretsSchema.parse({ api_key: 'abc', password: 'pw' })).toEqual({
      api_key: 'abc',
      password: 'pw',
    });
    expect(esSecretsSchema.safeParse({ token: 'x' }).success).toBe(false);
  });
});
