import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadRulesFromPaths } from './load-rules.ts';
import { packRuleFolder } from './pack-rule-folder.ts';
import type { RulePack } from './rule-pack.ts';
import { unpackRules } from './unpack-rules.ts';

const PACK = fileURLToPath(new URL('../../rules/', import.meta.url));
const testdata = (name: string): string => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A copy of `from` to edit. */
function copyOf(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-rule-pack-'));
  folders.push(dir);
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Everything a rule holds, predicates as their source text, sets and maps as lists. */
function shapeOf(rules: unknown): unknown {
  return JSON.parse(
    JSON.stringify(rules, (_, value: unknown) => {
      if (typeof value === 'function') return `fn ${String(value)}`;
      if (value instanceof Set) return ['Set', ...value];
      if (value instanceof Map) return ['Map', ...value];
      return value;
    }),
  );
}

/** The pack as the CLI reads it back: through JSON. */
async function packed(dir: string, build = 'b1'): Promise<RulePack> {
  return JSON.parse(JSON.stringify(await packRuleFolder(dir, build))) as RulePack;
}

describe('rule pack', () => {
  it.each([
    ['the shipped pack', PACK],
    ['nested folders', testdata('valid')],
  ])('gives the same rules as the YAML: %s', async (_, dir) => {
    const plain = await loadRulesFromPaths([dir]);
    const unpacked = await unpackRules(await packed(dir), dir, 'b1');
    expect(plain.issues).toEqual([]);
    expect(plain.rules.length).toBeGreaterThan(0);
    expect(shapeOf(unpacked)).toEqual(shapeOf(plain.rules));
  });

  it('matches the same events as the YAML, its regular expressions compiled at first use', async () => {
    const plain = await loadRulesFromPaths([PACK]);
    // Fresh modules: rules share one predicate per condition (shared-condition.ts), and those of the
    // YAML loaded above would stand in for the pack's own.
    vi.resetModules();
    const fresh = (await import('./unpack-rules.ts')) as { unpackRules: typeof unpackRules };
    const unpacked = (await fresh.unpackRules(await packed(PACK), PACK, 'b1')) ?? [];
    const paths = ['/wp-login.php', '/XMLRPC.PHP', '/api/Sign-In', '/index.html', `/${'a'.repeat(40)}!`, ''];
    const events = paths.flatMap((path, i) =>
      ['POST', 'GET'].map((method) => ({
        '@timestamp': new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString(),
        event: { dataset: 'web.access', category: ['web'], outcome: 'failure' },
        http: { request: { method }, response: { status_code: i % 2 ? 401 : 403 } },
        url: { path },
        source: { ip: '203.0.113.7' },
      })),
    );
    const verdicts = (rules: typeof unpacked) =>
      rules.map((rule) => events.map((event) => rule.matches(event as never)));
    expect(unpacked.length).toBe(plain.rules.length);
    expect(verdicts(unpacked)).toEqual(verdicts(plain.rules));
    expect(verdicts(plain.rules).flat()).toContain(true);
  });

  it('is not used by another build, nor when it is damaged', async () => {
    const pack = await packed(PACK);
    expect(await unpackRules(pack, PACK, 'b2')).toBeUndefined();
    expect(await unpackRules({ ...pack, files: 'x' }, PACK, 'b1')).toBeUndefined();
    expect(await unpackRules(null, PACK, 'b1')).toBeUndefined();
    const spec = { ...pack, files: [{ ...pack.files[0], rules: [{ input: {}, specs: {} }] }] };
    expect(await unpackRules(spec, PACK, 'b1')).toBeUndefined();
  });

  it('is not used once a rule file is edited, added, removed or renamed', async () => {
    const dir = copyOf(PACK);
    const pack = await packed(dir);
    expect(await unpackRules(pack, dir, 'b1')).toBeDefined();
    const file = join(dir, 'ssh.yml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text}\n# one more line\n`);
    expect(await unpackRules(pack, dir, 'b1')).toBeUndefined();
    writeFileSync(file, text);
    writeFileSync(join(dir, 'zz-extra.yml'), 'id: extra\n');
    expect(await unpackRules(pack, dir, 'b1')).toBeUndefined();
    rmSync(join(dir, 'zz-extra.yml'));
    rmSync(file);
    expect(await unpackRules(pack, dir, 'b1')).toBeUndefined();
    writeFileSync(join(dir, 'ssh2.yml'), text);
    expect(await unpackRules(pack, dir, 'b1')).toBeUndefined();
  });

  it('refuses to pack a folder with a mistake, naming the file and line', async () => {
    await expect(packRuleFolder(testdata('mistakes'), 'b1')).rejects.toThrow(/mistakes.*\.ya?ml:\d+: /);
  });
});
