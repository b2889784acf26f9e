import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/index.ts';
import { loadKlaxonConfig } from './load-config.ts';

const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const HOOK = 'https://hooks.slack.com/services/T00000000/B00000000/qZ8rT2vX9yB4nM6kL1pW3sD5';
const TOKEN = '110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

function write(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'klaxon-chat-config-')), 'klaxon.yaml');
  writeFileSync(
    path,
    [...lines, 'routes:', '  - { match: { priority: [P1] }, channels: [chat] }', ''].join('\n'),
  );
  return path;
}

async function issuesOf(
  path: string,
): Promise<{ file?: string; line?: number; field?: string; message: string }[]> {
  try {
    await loadKlaxonConfig(path);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues;
    throw error;
  }
  return [];
}

describe('chat action settings', () => {
  it('refuses a Slack signing_secret without server.public_url, at its file, line and field', async () => {
    const path = write([
      'channels:',
      '  chat:',
      '    type: slack',
      `    webhook_url: ${HOOK}`,
      `    signing_secret: ${SIGNING_SECRET}`,
      '    slack_users: { U024BE7LH: alice }',
    ]);
    const issues = await issuesOf(path);
    expect(issues).toEqual([
      expect.objectContaining({
        file: path,
        line: 5,
        field: 'channels.chat.signing_secret',
        message: expect.stringContaining('need `server.public_url`'),
      }),
    ]);
    expect(JSON.stringify(issues)).not.toContain(SIGNING_SECRET);
  });

  it('refuses slack_users without a signing_secret, and a signing_secret without slack_users', async () => {
    const server = 'server: { public_url: https://klaxon.example.org }';
    const noSecret = await issuesOf(
      write([
        server,
        'channels:',
        `  chat: { type: slack, webhook_url: ${HOOK}, slack_users: { U024BE7LH: alice } }`,
      ]),
    );
    expect(noSecret).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'channels.chat.slack_users',
        message: expect.stringContaining('signing_secret'),
      }),
    ]);
    const noUsers = await issuesOf(
      write([
        server,
        'channels:',
        `  chat: { type: slack, webhook_url: ${HOOK}, signing_secret: ${SIGNING_SECRET} }`,
      ]),
    );
    expect(noUsers).toEqual([
      expect.objectContaining({
        field: 'channels.chat.signing_secret',
        message: expect.stringContaining('slack_users'),
      }),
    ]);
  });

  it('names a malformed Slack user id', async () => {
    const issues = await issuesOf(
      write([
        'server: { public_url: https://klaxon.example.org }',
        'channels:',
        `  chat: { type: slack, webhook_url: ${HOOK}, signing_secret: ${SIGNING_SECRET}, slack_users: { alice: alice } }`,
      ]),
    );
    expect(issues[0]).toMatchObject({ line: 3, field: expect.stringContaining('channels.chat.slack_users') });
  });

  it('accepts Slack buttons with all three, and Telegram updates: webhook only with a public_url', async () => {
    const config = await loadKlaxonConfig(
      write([
        'server: { public_url: https://klaxon.example.org }',
        'channels:',
        `  chat: { type: slack, webhook_url: ${HOOK}, signing_secret: ${SIGNING_SECRET}, slack_users: { U024BE7LH: alice } }`,
      ]),
    );
    expect(config.channels[0]?.config).toMatchObject({ slack_users: { U024BE7LH: 'alice' } });
    const telegram = await issuesOf(
      write([
        'channels:',
        `  chat: { type: telegram, bot_token: "${TOKEN}", chat_id: 42, updates: webhook }`,
      ]),
    );
    expect(telegram).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'channels.chat.updates',
        message: expect.stringContaining('public_url'),
      }),
    ]);
    expect(JSON.stringify(telegram)).not.toContain(TOKEN.split(':')[1]);
  });
});
