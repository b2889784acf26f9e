import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routesSchema } from '../routing/index.ts';
import { loadConfig, loadConfigText } from './load-config.ts';
import { fakeChannelTypes, testdataPath } from './testdata/channel-types.ts';

const base = { channelTypes: fakeChannelTypes, routesSchema };
const CHANNEL = 'channels:\n  ops:\n    type: chat\n    room: ${ROOM}\n    token: ${TOKEN}\n';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'klaxon-config-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function writeConfig(text: string, dotenv?: string): Promise<string> {
  if (dotenv !== undefined) await writeFile(join(folder, '.env'), dotenv);
  const file = join(folder, 'klaxon.yaml');
  await writeFile(file, text);
  return file;
}

describe('loadConfig variables', () => {
  it('reports each missing variable by name, field and position, and nothing else about that field', async () => {
    const file = await writeConfig(CHANNEL);
    const result = await loadConfig(file, { ...base, env: { ROOM: 'ops' } });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          file,
          line: 5,
          column: 12,
          field: 'channels.ops.token',
          message: 'variable `TOKEN` is not set (in the environment or .env)',
        },
      ],
    });
  });

  it('reads .env beside the config file when no path is given', async () => {
    const file = await writeConfig(CHANNEL, 'ROOM=from-file\nTOKEN="token-from-dotenv-1"\n');
    const result = await loadConfig(file, { ...base, env: {} });
    expect(result.ok && result.config.channels[0]).toMatchObject({
      config: { room: 'from-file' },
      secrets: { token: 'token-from-dotenv-1' },
    });
  });

  it('lets the environment win over .env', async () => {
    const file = await writeConfig(CHANNEL, 'ROOM=from-file\nTOKEN=token-from-dotenv-1\n');
    const result = await loadConfig(file, { ...base, env: { ROOM: 'from-env' } });
    expect(result.ok && result.config.channels[0]?.config).toMatchObject({ room: 'from-env' });
  });

  it('reads process.env when no env is given', async () => {
    const file = await writeConfig('store: ${KLAXON_TEST_STORE_URL}\n');
    process.env['KLAXON_TEST_STORE_URL'] = 'postgres://klaxon@db/klaxon';
    try {
      const result = await loadConfig(file, base);
      expect(result.ok && result.config.store).toBe('postgres://klaxon@db/klaxon');
    } finally {
      delete process.env['KLAXON_TEST_STORE_URL'];
    }
  });

  it('works without any .env file', async () => {
    const file = await writeConfig(CHANNEL);
    const result = await loadConfig(file, { ...base, env: { ROOM: 'r', TOKEN: 'token-from-env-001' } });
    expect(result.ok).toBe(true);
  });

  it('refuses a named .env file that does not exist', async () => {
    const file = await writeConfig(CHANNEL);
    const dotenvPath = join(folder, 'missing.env');
    const result = await loadConfig(file, { ...base, env: {}, dotenvPath });
    expect(result).toEqual({
      ok: false,
      issues: [{ file: dotenvPath, message: 'cannot read the .env file (ENOENT)' }],
    });
  });

  it('reports a broken .env line by file and line without its content', async () => {
    const file = await writeConfig(CHANNEL, 'ROOM=x\nTOKEN token-without-equals-99\n');
    const result = await loadConfig(file, { ...base, env: {} });
    expect(result).toEqual({
      ok: false,
      issues: [{ file: join(folder, '.env'), line: 2, message: 'expected KEY=value' }],
    });
  });

  it('substitutes references written inside flow maps, as in `{ type: chat, token: ${TOKEN} }`', async () => {
    const text = 'channels:\n  ops: { type: chat, room: ${ROOM}, token: ${TOKEN} }\n';
    const env = { ROOM: 'a, b: [c]', TOKEN: 'token-from-env-001' };
    const result = await loadConfigText(text, testdataPath('inline.yaml'), { ...base, env });
    expect(result.ok && result.config.channels[0]?.config).toMatchObject({ room: 'a, b: [c]' });
  });

  it('keeps a variable holding YAML as text: it cannot add routes or channels', async () => {
    const text = 'channels:\n  ops:\n    type: chat\n    room: ${ROOM}\n    token: token-literal-0001\n';
    const env = {
      ROOM: 'x\n  evil: { type: chat, room: y, token: token-injected-01 }\nroutes: [{ channels: [evil] }]',
    };
    const result = await loadConfigText(text, testdataPath('inline.yaml'), { ...base, env });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.channels.map((channel) => channel.name)).toEqual(['ops']);
    expect(result.config.routes).toEqual([]);
    expect(result.config.channels[0]?.config).toMatchObject({ room: env.ROOM });
  });
});
