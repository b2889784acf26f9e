import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routesSchema } from '../../routing/index.ts';
import { loadConfig, loadConfigText } from '../load-config.ts';
import { fakeChannelTypes } from '../testdata/channel-types.ts';
import { billionLaughs } from '../testdata/billion-laughs.ts';
import { MAX_YAML_BYTES } from './yaml-limits.ts';

const base = { channelTypes: fakeChannelTypes, routesSchema };

async function issuesOf(text: string): Promise<string[]> {
  const result = await loadConfigText(text, '/etc/klaxon/klaxon.yaml', base);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map((issue) => `${issue.line}:${issue.column}: ${issue.message}`);
}

describe('klaxon.yaml limits', () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'klaxon-limits-'));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('refuses a billion-laughs alias bomb at the alias that crosses the limit, in milliseconds', async () => {
    const started = performance.now();
    expect(await issuesOf(billionLaughs())).toEqual([
      '5:16: YAML: aliases expand to more than 10000 values; write the values out',
    ]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses one large list repeated by many aliases', async () => {
    const list = `[${Array(200).fill('x').join(', ')}]`;
    const aliases = `[${Array(60).fill('*big').join(', ')}]`;
    expect(await issuesOf(`x-big: &big ${list}\nrules: ${aliases}\n`)).toEqual([
      expect.stringMatching(/^2:\d+: YAML: aliases expand to more than 10000 values/),
    ]);
  });

  it('refuses an alias inside the node it names', async () => {
    expect(await issuesOf('server: &loop\n  listen: *loop\n')).toEqual([
      '2:11: YAML: alias *loop is inside the node it names (a loop)',
    ]);
  });

  it('refuses nesting deeper than the parser can follow, without a stack trace', async () => {
    const [issue] = await issuesOf(`x: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    expect(issue).toMatch(/^1:\d+: YAML: nested more than 64 levels deep$/);
  });

  it('still expands the aliases of an ordinary file', async () => {
    const text = [
      'channels:',
      '  day: &chat { type: chat, room: soc, token: t0k3n-t0k3n-t0k3n }',
      '  night: *chat',
      'routes:',
      '  - channels: [day, night]',
    ].join('\n');
    const result = await loadConfigText(text, join(folder, 'klaxon.yaml'), base);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok && result.config.channels.map((channel) => channel.name)).toEqual(['day', 'night']);
  });

  it('refuses a file above 1 MiB before reading it, at line 1', async () => {
    const file = join(folder, 'klaxon.yaml');
    await writeFile(file, `# ${'x'.repeat(MAX_YAML_BYTES)}\n`);
    const result = await loadConfig(file, base);
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          file,
          line: 1,
          column: 1,
          message: `the file is ${MAX_YAML_BYTES + 3} bytes; a YAML file may be at most ${MAX_YAML_BYTES} bytes (1 MiB)`,
        },
      ],
    });
  });
});
