import { describe, expect, it } from 'vitest';
import { formatIssue } from '../core/index.ts';
import type { ValidationIssue } from '../core/index.ts';
import type { Route } from '../routing/index.ts';
import { routesSchema } from '../routing/index.ts';
import { loadConfig, loadConfigText } from './load-config.ts';
import type { KlaxonConfig } from './klaxon-config.ts';
import { fakeChannelTypes, testdataPath } from './testdata/channel-types.ts';

const env = {
  CHAT_TOKEN: 'chat-token-0123456789',
  HEALTHCHECK_URL: 'https://hc-ping.com/5f1d-secret-uuid',
};
const options = {
  channelTypes: fakeChannelTypes,
  routesSchema,
  env,
  dotenvPath: testdataPath('valid/fixture.env'),
};

async function loadValid(): Promise<KlaxonConfig<Route>> {
  const result = await loadConfig(testdataPath('valid/klaxon.yaml'), options);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.config;
}

async function loadIssues(text: string): Promise<ValidationIssue[]> {
  const result = await loadConfigText(text, testdataPath('inline.yaml'), {
    ...options,
    dotenvPath: undefined,
  });
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

describe('loadConfig with a complete file', () => {
  it('reads store, rules, server, routes and heartbeat with relative paths made absolute', async () => {
    const config = await loadValid();
    expect(config.file).toBe(testdataPath('valid/klaxon.yaml'));
    expect(config.store).toBe(`sqlite:${testdataPath('valid/data/klaxon.db')}`);
    expect(config.rules).toEqual([testdataPath('valid/rules')]);
    expect(config.builtinRules).toBe(false);
    expect(config.publicUrl).toBe('https://klaxon.example.com');
    expect(config.routes.map((route) => [route.name, route.channels, route.digest])).toEqual([
      ['route-1', ['soc-chat', 'soc-mail', 'pager'], undefined],
      ['route-2', ['soc-mail'], '0 8 * * *'],
    ]);
    expect(config.heartbeat).toMatchObject({ intervalMs: 3_600_000, channels: ['soc-chat'] });
    expect(config.heartbeat?.secrets.pingUrl).toBe(env.HEALTHCHECK_URL);
  });

  it('splits each channel into config, secrets and Klaxon settings, with schema defaults filled in', async () => {
    const [chat, mail, pager] = (await loadValid()).channels;
    expect(chat?.detail).toBeUndefined(); // unset: the route decides
    expect(chat).toMatchObject({
      name: 'soc-chat',
      type: 'chat',
      config: { room: 'from-dotenv-room', silent: false },
      secrets: { token: env.CHAT_TOKEN },
      rateLimits: [
        { count: 1, perMs: 1_000 },
        { count: 20, perMs: 60_000 },
      ],
    });
    expect(mail).toMatchObject({
      name: 'soc-mail',
      config: {
        from: 'klaxon@example.com',
        to: ['soc@example.com'],
        pgp_public_keys: { 'soc@example.com': testdataPath('valid/keys/soc.asc') },
        ca_file: testdataPath('valid/certs/ca.pem'),
      },
      secrets: { smtp_url: 'smtps://klaxon:mail-Pa55word@mail.example.com:465' },
      detail: 'link',
    });
    expect(mail?.rateLimits).toBeUndefined();
    expect(pager).toMatchObject({ name: 'pager', secrets: { token: 'pager-token-0123456789' } });
  });

  it('accepts an empty file as all defaults: the SQLite file beside it and the shipped rules', async () => {
    const result = await loadConfigText('# nothing yet\n', testdataPath('inline.yaml'), options);
    expect(result).toMatchObject({
      ok: true,
      config: {
        store: `sqlite:${testdataPath('klaxon.db')}`,
        rules: [],
        builtinRules: true,
        channels: [],
        routes: [],
      },
    });
  });

  it('keeps sqlite::memory: and postgres URLs as written', async () => {
    for (const store of ['sqlite::memory:', 'postgres://klaxon@db.internal:5432/klaxon']) {
      const result = await loadConfigText(`store: "${store}"\n`, testdataPath('inline.yaml'), options);
      expect(result.ok && result.config.store).toBe(store);
    }
  });
});

describe('loadConfig with mistakes', () => {
  it('reports every mistake of the file with its line, column and field', async () => {
    const result = await loadConfig(testdataPath('mistakes.yaml'), options);
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues.every((issue) => issue.file === testdataPath('mistakes.yaml'))).toBe(true);
    const found = issues.map((issue) => [issue.line, issue.column, issue.field, issue.message]);
    expect(found).toEqual([
      [2, 8, 'store', expect.stringContaining('unknown store scheme `mysql:`')],
      [3, 9, 'rules[0]', `cannot read ${testdataPath('missing-rules')} (ENOENT)`],
      [4, 1, 'builtin_rule', 'unknown field `builtin_rule`; did you mean `builtin_rules`?'],
      [5, 23, 'server.public_url', 'expected an http:// or https:// URL'],
      [5, 42, 'server.listen', 'expected HOST:PORT, e.g. "127.0.0.1:8080" or "[::1]:8080"'],
      [8, 5, 'channels.soc-chat.token', 'required field is missing'],
      [10, 5, 'channels.soc-chat.tokn', 'unknown field `tokn` for a chat channel; did you mean `token`?'],
      [11, 13, 'channels.soc-chat.silent', 'expected `true` or `false`, got `yes`'],
      [12, 13, 'channels.soc-chat.detail', 'expected `full` or `link`; did you mean `full`?'],
      [13, 17, 'channels.soc-chat.rate_limit', 'expected a rate like `20/1m` or `1/s`, or a list of them'],
      [17, 27, 'channels.soc-mail.to[1]', 'Invalid email address'],
      [18, 15, 'channels.soc-mail.smtp_url', 'Invalid string: must start with "smtp"'],
      [
        20,
        11,
        'channels.typo.type',
        'unknown channel type `chatt`; did you mean `chat`? (one of chat, clash, mail)',
      ],
      [
        24,
        5,
        'channels.both.headers',
        '`headers` is both a setting and a secret of clash channels, so Klaxon cannot tell which is meant',
      ],
      [25, 3, 'channels.bad name!', expect.stringContaining('a channel name uses letters, digits')],
      [
        28,
        5,
        'channels.no-type.type',
        'required field is missing: the channel type, one of chat, clash, mail',
      ],
      [33, 5, 'channels.pager.token_file', 'set `token` or `token_file`, not both'],
      [35, 24, 'routes[0].match.priority', 'expected one of P1, P2, P3, P4, P5, got `p2` (did you mean P2?)'],
      [
        36,
        26,
        'routes[0].channels[1]',
        expect.stringContaining('no channel named `soc-mial` is configured; did you mean `soc-mail`?'),
      ],
      [38, 5, 'routes[1].contiue', expect.stringContaining('unknown field `contiue`')],
      [39, 24, 'heartbeat.interval', 'expected a duration of at least a minute, like `1h`'],
      [39, 40, 'heartbeat.channels[0]', expect.stringContaining('no channel named `nobody` is configured')],
    ]);
  });

  it('reports YAML syntax errors with their position and reads nothing further', async () => {
    const issues = await loadIssues('channels:\n  a: { type: chat\nroutes: []\n');
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject({ file: testdataPath('inline.yaml'), line: expect.any(Number) });
    expect(issues.every((issue) => issue.message.startsWith('YAML: '))).toBe(true);
  });

  it('refuses a file that is a list instead of a map', async () => {
    expect(await loadIssues('- store: sqlite:x.db\n')).toEqual([
      { file: testdataPath('inline.yaml'), line: 1, column: 1, message: 'expected a map of settings' },
    ]);
  });

  it('reports a config file that cannot be read, naming it', async () => {
    const result = await loadConfig(testdataPath('no-such-klaxon.yaml'), options);
    expect(result).toEqual({
      ok: false,
      issues: [
        { file: testdataPath('no-such-klaxon.yaml'), message: 'cannot read the config file (ENOENT)' },
      ],
    });
  });

  it('reports a channel that is not a map, and a channels section that is a list', async () => {
    expect(await loadIssues('channels:\n  pager: chat\n')).toMatchObject([
      {
        line: 2,
        column: 10,
        field: 'channels.pager',
        message: expect.stringContaining('expected a map with `type:`'),
      },
    ]);
    expect(await loadIssues('channels: [pager]\n')).toMatchObject([
      {
        line: 1,
        column: 11,
        field: 'channels',
        message: expect.stringContaining('expected a map of channel names'),
      },
    ]);
  });

  it('refuses builtin_rules: false without any rules, since nothing could ever fire', async () => {
    expect(await loadIssues('builtin_rules: false\n')).toMatchObject([
      {
        line: 1,
        column: 16,
        field: 'builtin_rules',
        message: expect.stringContaining('no rule would ever fire'),
      },
    ]);
  });

  it('refuses a heartbeat with neither channels nor a ping URL', async () => {
    expect(await loadIssues('heartbeat: { interval: 5m }\n')).toMatchObject([
      { line: 1, field: 'heartbeat', message: 'name `channels` to hear from, a `ping_url` to call, or both' },
    ]);
  });
});
