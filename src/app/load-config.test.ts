import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredChannels, loadKlaxonConfig } from './load-config.ts';

function configFile(channels: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-config-'));
  const path = join(dir, 'klaxon.yaml');
  writeFileSync(
    path,
    `channels:\n${channels}\nroutes:\n  - match: { priority: [P1] }\n    channels: [chat]\n`,
  );
  return path;
}

describe('configuredChannels', () => {
  it("applies Telegram's limits when none are configured: per chat, and per group for group chats", async () => {
    const token = 'bot_token: "123456:ABCdefGhIJKlmNoPQRsTUVwxyZ"';
    const direct = configuredChannels(
      await loadKlaxonConfig(configFile(`  chat: { type: telegram, ${token}, chat_id: 42 }`)),
    );
    const group = configuredChannels(
      await loadKlaxonConfig(configFile(`  chat: { type: telegram, ${token}, chat_id: -100123 }`)),
    );
    expect(direct[0]?.rateLimits).toEqual([{ count: 1, perMs: 1_000 }]);
    expect(group[0]?.rateLimits).toEqual([
      { count: 1, perMs: 1_000 },
      { count: 20, perMs: 60_000 },
    ]);
  });

  it('keeps the limits the configuration names', async () => {
    const path = configFile(
      '  chat: { type: telegram, bot_token: "123456:ABCdefGhIJKlmNoPQRsTUVwxyZ", chat_id: 42, rate_limit: [5/1m] }',
    );
    expect(configuredChannels(await loadKlaxonConfig(path))[0]?.rateLimits).toEqual([
      { count: 5, perMs: 60_000 },
    ]);
  });

  it('says which file is missing', async () => {
    await expect(loadKlaxonConfig('/nonexistent/klaxon.yaml')).rejects.toThrow(
      '/nonexistent/klaxon.yaml: no such file',
    );
  });
});
