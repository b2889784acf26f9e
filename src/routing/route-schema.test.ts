import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { findUnknownChannels, routesSchema } from './route-schema.ts';

function parseRoutes(yaml: string) {
  return routesSchema.safeParse(parseYaml(yaml));
}

function issuesOf(yaml: string): string[] {
  const result = parseRoutes(yaml);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('routesSchema', () => {
  it('takes the person actions a route wants, and refuses one it does not know', () => {
    const wanted = parseRoutes('- { channels: [pager], person_actions: [ack, resolve] }');
    expect(wanted.data?.[0]?.personActions).toEqual(['ack', 'resolve']);
    const wrong = parseRoutes('- { channels: [pager], person_actions: [acknowledge] }');
    expect(wrong.success).toBe(false);
    expect(JSON.stringify(wrong.error?.issues)).toContain(
      'expected one of ack, assign, note, resolve, reopen',
    );
  });

  it('reads the example from the design, filling in defaults', () => {
    const result = parseRoutes(`
- match: { priority: [P1, P2] }
  channels: [soc-telegram, soc-mail, soar]
  detail: full
  notify: [opened, updated, resolved]
  continue: false
- match: { priority: [P3, P4, P5], rule: ssh-brute-force-source, source.port: 22 }
  channels: [soc-mail]
  digest: "0 8 * * *"
`);
    expect(result.success).toBe(true);
    expect(result.data).toEqual([
      {
        name: 'route-1',
        match: { priority: ['P1', 'P2'] },
        channels: ['soc-telegram', 'soc-mail', 'soar'],
        detail: 'full',
        notify: ['opened', 'updated', 'resolved'],
        personActions: ['ack', 'assign', 'note', 'resolve', 'reopen'],
        continue: false,
      },
      {
        name: 'route-2',
        match: { priority: ['P3', 'P4', 'P5'], rule: ['ssh-brute-force-source'], 'source.port': ['22'] },
        channels: ['soc-mail'],
        detail: 'full',
        notify: ['opened', 'updated', 'resolved'],
        personActions: ['ack', 'assign', 'note', 'resolve', 'reopen'],
        continue: false,
        digest: '0 8 * * *',
      },
    ]);
  });

  it('keeps a given name and an empty match as a catch-all', () => {
    const result = parseRoutes('- { name: everything, channels: [log] }');
    expect(result.data?.[0]).toMatchObject({ name: 'everything', match: {} });
  });

  it.each([
    ['- { channels: [a], contiue: true }', '0: unknown field `contiue`; a route has name, match, channels'],
    [
      '- { match: { priority: [p1] }, channels: [a] }',
      '0.match.priority: expected one of P1, P2, P3, P4, P5, got `p1` (did you mean P1?)',
    ],
    [
      '- { match: { priority: P9 }, channels: [a] }',
      '0.match.priority: expected one of P1, P2, P3, P4, P5, got `P9`',
    ],
    ['- { match: { source.ip: [] }, channels: [a] }', '0.match.source.ip: needs at least one value'],
    [
      '- { match: { source.ip: { a: 1 } }, channels: [a] }',
      '0.match.source.ip: expected a value or a list of values',
    ],
    [
      '- { match: { "bad key!": 1 }, channels: [a] }',
      '0.match.bad key!: `bad key!` is not `priority`, `rule` or a group field',
    ],
    ['- { channels: [a, 3] }', '0.channels.1: expected a channel name'],
    ['- { match: [P1], channels: [a] }', '0.match: expected a map of `priority`, `rule` or group fields'],
    ['- { match: { priority: P1 } }', '0.channels: expected a list of channel names'],
    ['- { channels: [] }', '0.channels: needs at least one of channel names'],
    ['- { channels: [a, b, a] }', '0.channels.2: `a` is listed twice'],
    ['- { channels: [a], detail: summary }', '0.detail: expected `full` or `link`'],
    [
      '- { channels: [a], notify: [opened, acknowledged] }',
      '0.notify.1: expected one of opened, updated, resolved',
    ],
    ['- { channels: [a], continue: yes please }', '0.continue: expected `true` or `false`'],
    ['- { channels: [a], digest: "0 8 * *" }', '0.digest: expected five fields'],
    [
      '- { channels: [a], digest: "0 25 * * *" }',
      '0.digest: hour: 25 is out of range 0-23 (five-field cron, UTC)',
    ],
    ['- { channels: [a], digest: 8 }', '0.digest: expected a cron schedule like "0 8 * * *" (UTC)'],
    ['- { name: "a b", channels: [a] }', '0.name: use letters, digits'],
    ['- just-a-channel', '0: expected a map with `match` and `channels`'],
    ['routes: []', ': expected a list of routes'],
  ])('refuses %s', (yaml, expected) => {
    expect(issuesOf(yaml).join('\n')).toContain(expected);
  });

  it("reads group_by and its timers with Alertmanager's defaults", () => {
    const result = parseRoutes(`
- { name: by-rule, channels: [soc], group_by: [rule], continue: true }
- { name: tuned, continue: true, channels: [soc], group_by: [rule, source.ip], group_wait: 10s, group_interval: 1m, repeat_interval: 12h }
- { name: each, channels: [soc], group_by: ['...'] }
`);
    expect(result.success).toBe(true);
    expect(result.data?.map((route) => route.grouping)).toEqual([
      { by: ['rule'], waitMs: 30_000, intervalMs: 300_000, repeatMs: 14_400_000 },
      { by: ['rule', 'source.ip'], waitMs: 10_000, intervalMs: 60_000, repeatMs: 43_200_000 },
      { by: ['...'], waitMs: 30_000, intervalMs: 300_000, repeatMs: 14_400_000 },
    ]);
    expect(parseRoutes('[{ channels: [soc] }]').data?.[0]?.grouping).toBeUndefined();
  });

  it('refuses timers without group_by, grouping with a digest, bad durations and `...` with others', () => {
    expect(issuesOf('[{ channels: [soc], group_wait: 10s }]')).toEqual([
      '0.group_wait: `group_wait` needs `group_by`',
    ]);
    expect(issuesOf('[{ channels: [soc], group_by: [rule], digest: "0 8 * * *" }]')).toEqual([
      '0.group_by: a route either groups (`group_by`) or collects a `digest`, not both',
    ]);
    expect(issuesOf('[{ channels: [soc], group_by: [rule], group_interval: soon }]')).toEqual([
      '0.group_interval: expected a duration like 30s, 5m or 4h, got `soon`',
    ]);
    expect(issuesOf("[{ channels: [soc], group_by: ['...', rule] }]")).toEqual([
      '0.group_by: `...` groups by every label: list it alone',
    ]);
  });

  it('refuses a route name used twice', () => {
    expect(issuesOf('[{ name: soc, channels: [a], continue: true }, { name: soc, channels: [b] }]')).toEqual([
      '1.name: route name `soc` is used twice',
    ]);
  });

  it('refuses a route that a catch-all before it hides', () => {
    expect(issuesOf('[{ name: all, channels: [a] }, { match: { priority: P1 }, channels: [b] }]')).toEqual([
      '1: never reached: route `all` before it matches every incident and does not continue',
    ]);
  });

  it('lets a catch-all that continues come first', () => {
    expect(
      issuesOf('[{ channels: [archive], continue: true }, { match: { priority: P1 }, channels: [b] }]'),
    ).toEqual([]);
  });
});

describe('findUnknownChannels', () => {
  it('names each channel that is not configured, with its place', () => {
    const routes = routesSchema.parse(
      parseYaml('[{ channels: [soc-mail, soc-telgram], continue: true }, { channels: [x] }]'),
    );
    expect(findUnknownChannels(routes, new Set(['soc-mail', 'soc-telegram']))).toEqual([
      {
        path: [0, 'channels', 1],
        message: 'no channel named `soc-telgram` is configured (configured: soc-mail, soc-telegram)',
      },
      {
        path: [1, 'channels', 0],
        message: 'no channel named `x` is configured (configured: soc-mail, soc-telegram)',
      },
    ]);
  });
});
