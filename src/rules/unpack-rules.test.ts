import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
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
