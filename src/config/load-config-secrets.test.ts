import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { routesSchema } from '../routing/index.ts';
import { describeConfig } from './describe-config.ts';
import { loadConfig, loadConfigText } from './load-config.ts';
import { fakeChannelTypes, testdataPath } from './testdata/channel-types.ts';

const CHAT_TOKEN = 'chat-token-0123456789';
const HEALTHCHECK_URL = 'https://hc-ping.com/5f1d-secret-uuid';
const SMTP_PASSWORD = 'mail-Pa55word';
const FILE_TOKEN = 'pager-token-0123456789';
const options = {
  channelTypes: fakeChannelTypes,
  routesSchema,
  env: { CHAT_TOKEN, HEALTHCHECK_URL },
  dotenvPath: testdataPath('valid/fixture.env'),
};
const inline = testdataPath('inline.yaml');

async function loadIssuesText(text: string, env: Record<string, string>): Promise<string> {
  const result = await loadConfigText(text, inline, { ...options, env, dotenvPath: undefined });
  expect(result.ok).toBe(false);
  return JSON.stringify(result.ok ? [] : result.issues);
}

describe('secrets in a loaded config', () => {
  it('are readable by the channel but never printed by JSON, inspect, template strings or describeConfig', async () => {
    const result = await loadConfig(testdataPath('valid/klaxon.yaml'), options);
    if (!result.ok) throw new Error('the valid config should load');
    const { config } = result;
    expect((config.channels[0]?.secrets as { token: string }).token).toBe(CHAT_TOKEN);
    const printed = [
      JSON.stringify(config),
      JSON.stringify(config.channels),
      JSON.stringify(config.heartbeat),
      inspect(config, { depth: Infinity }),
      inspect(config.channels, { depth: Infinity }),
      `${String(config.channels[0]?.secrets)} ${JSON.stringify({ channel: config.channels[1] })}`,
      describeConfig(config),
    ];
    for (const text of printed) {
      for (const secret of [CHAT_TOKEN, HEALTHCHECK_URL, SMTP_PASSWORD, FILE_TOKEN])
        expect(text).not.toContain(secret);
    }
    expect(JSON.stringify(config.channels[0])).toContain('"secrets":"<secret>"');
    expect(inspect(config.heartbeat)).toContain('secrets: <secret>');
  });
});

describe('secrets in issues', () => {
  it('are not quoted when a secret has the wrong form', async () => {
    const text =
      'channels:\n  ops: { type: chat, room: r, token: ${TOKEN} }\n  mail: { type: mail, from: k, to: [a@b.c], smtp_url: ${SMTP} }\n';
    const secret = 'NOT A TOKEN s3cret-value';
    const smtp = 'http://klaxon:Pa55-w0rd@mail.example.com';
    const issues = await loadIssuesText(text, { TOKEN: secret, SMTP: smtp });
    expect(issues).toContain('channels.ops.token');
    expect(issues).toContain('channels.mail.smtp_url');
    expect(issues).not.toContain('s3cret');
    expect(issues).not.toContain('Pa55-w0rd');
  });

  it('say only what kind of value a secret of the wrong type was', async () => {
    const issues = await loadIssuesText(
      'channels:\n  ops: { type: chat, room: r, token: 98765432101234 }\n',
      {},
    );
    expect(issues).toContain('expected text, got a number');
    expect(issues).not.toContain('98765432101234');
  });

  it('are scrubbed when a variable lands in a setting that quotes its value', async () => {
    const secret = 'token-put-in-the-wrong-place';
    const issues = await loadIssuesText(
      'channels:\n  ops: { type: chat, room: r, port: ${TOKEN}, token: ${TOKEN} }\n',
      {
        TOKEN: secret,
      },
    );
    expect(issues).toContain('channels.ops.port');
    expect(issues).toContain('<secret>');
    expect(issues).not.toContain(secret);
  });

  it('point at `token_file` and never quote the content of a secret file', async () => {
    const text = 'channels:\n  ops:\n    type: chat\n    room: r\n    token_file: ./secrets/bad-token\n';
    const result = await loadConfigText(text, inline, { ...options, env: {}, dotenvPath: undefined });
    expect(result.ok ? [] : result.issues).toMatchObject([
      {
        line: 5,
        column: 17,
        field: 'channels.ops.token_file',
        message: expect.stringContaining('token must be'),
      },
    ]);
    expect(JSON.stringify(result)).not.toContain('s3cret');
  });

  it('report a secret file that cannot be read by its path', async () => {
    const text = 'channels:\n  ops: { type: chat, room: r, token_file: ./secrets/none }\n';
    const result = await loadConfigText(text, inline, { ...options, env: {}, dotenvPath: undefined });
    expect(result.ok ? [] : result.issues).toMatchObject([
      {
        line: 2,
        field: 'channels.ops.token_file',
        message: `cannot read ${testdataPath('secrets/none')} (ENOENT)`,
      },
    ]);
  });

  it('hide the password of a PostgreSQL store in describeConfig and JSON', async () => {
    const text = 'store: ${DATABASE_URL}\n';
    const url = 'postgres://klaxon:Sup3r-Secret@db.internal:5432/klaxon';
    const result = await loadConfigText(text, inline, {
      ...options,
      env: { DATABASE_URL: url },
      dotenvPath: undefined,
    });
    if (!result.ok) throw new Error('should load');
    expect(result.config.store).toBe(url);
    expect(describeConfig(result.config)).toContain(
      'store: postgres://klaxon:<secret>@db.internal:5432/klaxon',
    );
    expect(JSON.stringify(result.config)).not.toContain('Sup3r-Secret');
  });
});

describe('secrets that cannot be URL-encoded or decoded (found by fuzzing)', () => {
  it('a PostgreSQL password with a malformed escape: issues as usual, the password redacted as written', async () => {
    const url = 'postgres://klaxon:Sup3r%E0%A4%A@db.internal:5432/klaxon';
    const issues = await loadIssuesText('store: ${DATABASE_URL}\nbuiltin_rule: true\n', {
      DATABASE_URL: url,
    });
    expect(issues).toContain('builtin_rule');
    expect(issues).not.toContain('Sup3r');
  });

  it('a secret holding a lone surrogate: issues as usual, never an exception', async () => {
    const token = 'chat-token-\udfff-0123456789';
    const text = 'channels:\n  soc-chat: { type: chat, room: ops, token: "${CHAT_TOKEN}" }\n';
    const issues = await loadIssuesText(text, { CHAT_TOKEN: token });
    expect(issues).toContain('token');
    expect(issues).not.toContain('0123456789');
  });
});
