import { describe, expect, it } from 'vitest';
import { describeConfig } from './describe-config.ts';
import type { KlaxonConfig } from './klaxon-config.ts';
import { sealSecrets } from './seal-secrets.ts';
import { DEFAULT_SERVER } from './sections/read-server.ts';

const config: KlaxonConfig = {
  file: '/etc/klaxon/klaxon.yaml',
  store: 'postgres://klaxon:pa55@word@db.internal:5432/klaxon',
  rules: ['/etc/klaxon/rules'],
  builtinRules: true,
  rulesEnabled: [],
  rulesDisabled: [],
  publicUrl: 'https://klaxon.example.com',
  channels: [
    {
      name: 'soc-chat',
      type: 'chat',
      config: { room: 'soc', silent: false },
      secrets: sealSecrets({ token: 'tok-123456789', headers: {} }),
      detail: 'link',
      rateLimits: [{ count: 20, perMs: 60_000 }],
    },
  ],
  routes: [{ name: 'route-1', channels: ['soc-chat'] }],
  sources: [
    {
      name: 'winlogbeat',
      type: 'elasticsearch',
      config: { url: 'https://es:9200', index: 'winlogbeat-*' },
      secrets: sealSecrets({ api_key: 'key-abcdefgh' }),
    },
  ],
  server: { ...DEFAULT_SERVER, listen: { host: '::1', port: 8443 } },
  detection: { toleranceMs: 2_000, maxFutureMs: 300_000 },
  heartbeat: {
    intervalMs: 90 * 60_000,
    channels: ['soc-chat'],
    secrets: sealSecrets({ pingUrl: 'https://hc/x-99' }),
  },
};

describe('describeConfig', () => {
  it('lists every channel with its settings and only whether each secret is set', () => {
    expect(describeConfig(config)).toBe(
      [
        'file: /etc/klaxon/klaxon.yaml',
        'store: postgres://klaxon:<secret>@db.internal:5432/klaxon',
        'rules: [ /etc/klaxon/rules ]',
        'builtin_rules: true',
        'server:',
        '  listen: "[::1]:8443"',
        '  public_url: https://klaxon.example.com',
        'detection:',
        '  reorder_tolerance: 2s',
        '  max_future_skew: 5m',
        'sources:',
        '  - name: winlogbeat',
        '    type: elasticsearch',
        '    config:',
        '      url: https://es:9200',
        '      index: winlogbeat-*',
        '    secrets:',
        '      api_key: { hasSecret: true }',
        'channels:',
        '  soc-chat:',
        '    type: chat',
        '    detail: link',
        '    rate_limit: [ 20/1m ]',
        '    config:',
        '      room: soc',
        '      silent: false',
        '    secrets:',
        '      token: { hasSecret: true }',
        '      headers: { hasSecret: false }',
        'routes:',
        '  - name: route-1',
        '    channels: [ soc-chat ]',
        'heartbeat:',
        '  interval: 90m',
        '  channels: [ soc-chat ]',
        '  ping_url: { hasSecret: true }',
        '',
      ].join('\n'),
    );
  });

  it('keeps a store URL without a password as it is', () => {
    const text = describeConfig({ ...config, store: 'sqlite:/var/lib/klaxon/klaxon.db' });
    expect(text).toContain('store: sqlite:/var/lib/klaxon/klaxon.db\n');
  });
});
