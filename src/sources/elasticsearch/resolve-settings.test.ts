import { describe, expect, it } from 'vitest';
import { resolveEsSettings } from './resolve-settings.ts';
import type { EsSettings } from './resolve-settings.ts';
import { esConfigSchema } from './schema.ts';

const config = esConfigSchema.parse({
  url: 'https://es.example:9200',
  index: 'winlogbeat-*',
  query: 'event.code:4625',
  start_from: '1h',
  pushdown: { group_by: ['source.ip'], threshold: 5, window: '5m' },
});

function resolveOk(...args: Parameters<typeof resolveEsSettings>): EsSettings {
  const settings = resolveEsSettings(...args);
  if ('error' in settings) throw new Error(settings.error);
  return settings;
}

describe('resolveEsSettings', () => {
  it('turns durations into ms and a query string into query_string', () => {
    const settings = resolveOk(config, {});
    expect(settings).toMatchObject({
      intervalMs: 30_000,
      overlapMs: 120_000,
      startFromMs: 3_600_000,
      query: { query_string: { query: 'event.code:4625' } },
      authorization: undefined,
      authDescription: 'no credentials',
      pushdown: [{ groupBy: ['source.ip'], threshold: 5, windowMs: 300_000, window: '5m' }],
    });
  });

  it('sends an encoded API key as is and encodes id:api_key', () => {
    expect(
      resolveOk(config, { api_key: 'VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==' }),
    ).toMatchObject({
      authorization: 'ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==',
      authDescription: 'API key',
    });
    const fromParts = resolveOk(config, { api_key: 'VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw' });
    expect(fromParts.authorization).toBe(
      'ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==',
    );
    expect(fromParts.secretTexts).toEqual(expect.arrayContaining(['ui2lp2axTNmsyakw9tvNnw']));
  });

  it('uses basic auth with username and password', () => {
    const settings = resolveOk({ ...config, username: 'klaxon' }, { password: 's3cret-pw' });
    expect(settings.authorization).toBe(`Basic ${Buffer.from('klaxon:s3cret-pw').toString('base64')}`);
    expect(settings.authDescription).toBe('basic auth as user "klaxon"');
    expect(settings.secretTexts).toContain('s3cret-pw');
  });

  it('refuses credentials that do not go together, without echoing them', () => {
    const both = resolveEsSettings(
      { ...config, username: 'klaxon' },
      { api_key: 'k3y-value', password: 'pw-value' },
    );
    expect(both).toEqual({ error: expect.stringMatching(/both api_key and username/) });
    expect(resolveEsSettings({ ...config, username: 'klaxon' }, {})).toEqual({
      error: expect.stringMatching(/no password/),
    });
    const alone = resolveEsSettings(config, { password: 'pw-value' });
    expect(alone).toEqual({ error: expect.stringMatching(/no username/) });
    expect(JSON.stringify([both, alone])).not.toMatch(/k3y-value|pw-value/);
  });

  it('sends a bearer token, alone', () => {
    const settings = resolveOk(config, { bearer_token: 'tok-123456' });
    expect(settings).toMatchObject({ authorization: 'Bearer tok-123456', authDescription: 'bearer token' });
    expect(settings.secretTexts).toEqual(['tok-123456']);
    expect(resolveEsSettings(config, { bearer_token: 'tok-123456', api_key: 'k3y-value' })).toEqual({
      error: expect.stringMatching(/bearer_token is set with api_key/),
    });
  });

  it('finds the node of an Elastic Cloud ID, every node of hosts, and the TLS settings', () => {
    const cloudId = `prod:${Buffer.from('eu-west-1.aws.found.io$abc123$kib456').toString('base64')}`;
    const { url: _url, ...withoutUrl } = config;
    const cloud = resolveOk({ ...withoutUrl, cloud: { id: cloudId } }, {});
    expect(cloud.url.toString()).toBe('https://abc123.eu-west-1.aws.found.io/');
    expect(resolveEsSettings({ ...withoutUrl, cloud: { id: 'prod:bm9wZQ==' } }, {})).toEqual({
      error: 'cloud.id does not decode to host$es-id',
    });
    const hosts = resolveOk(
      {
        ...withoutUrl,
        hosts: ['https://es1:9200', 'https://es2:9200'],
        ca_file: '/a.pem',
        ssl: { certificate_authorities: ['/b.pem'], verification_mode: 'certificate' },
      },
      {},
    );
    expect(hosts.nodes.map(String)).toEqual(['https://es1:9200/', 'https://es2:9200/']);
    expect(hosts).toMatchObject({ caFiles: ['/a.pem', '/b.pem'], verification: 'certificate' });
  });
});
