import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRulesFromPaths } from './load-rules.ts';
import type { LoadedRules } from './load-rules.ts';
import { openRuleFileCache } from './rule-file-cache.ts';
import type { RuleFileCache, RuleFileRecipes } from './rule-recipe.ts';

const PACK = fileURLToPath(new URL('../../rules/', import.meta.url));
const testdata = (name: string): string => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));
const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-rule-cache-'));
  folders.push(dir);
  return dir;
}

/** The cache, with the texts it found recipes for. */
function counted(cache: RuleFileCache): RuleFileCache & { hits: number; writes: number } {
  const counting = {
    hits: 0,
    writes: 0,
    read(text: string) {
      const found = cache.read(text);
      if (found) counting.hits++;
      return found;
    },
    write(text: string, recipes: RuleFileRecipes) {
      counting.writes++;
      cache.write(text, recipes);
    },
  };
  return counting;
}

/** Everything a loaded rule holds, predicates as their source text, sets and maps as lists. */
function shapeOf(loaded: LoadedRules): unknown {
  return JSON.parse(
    JSON.stringify(loaded, (_, value: unknown) => {
      if (typeof value === 'function') return `fn ${String(value)}`;
      if (value instanceof Set) return ['Set', ...value];
      if (value instanceof Map) return ['Map', ...value];
      return value;
    }),
  );
}

function entries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json'));
}

describe('rule file cache', () => {
  it('gives the same rules from recipes as from the YAML, for the shipped pack and nested folders', async () => {
    const paths = [PACK, testdata('valid')];
    const plain = await loadRulesFromPaths(paths);
    const dir = tempDir();
    const first = counted(openRuleFileCache(dir, 'build-1'));
    const written = await loadRulesFromPaths(paths, { cache: first });
    const second = counted(openRuleFileCache(dir, 'build-1'));
    const fromRecipes = await loadRulesFromPaths(paths, { cache: second });
    const files = readdirSync(PACK).length + 3;
    expect(first).toMatchObject({ hits: 0, writes: files });
    expect(second).toMatchObject({ hits: files, writes: 0 });
    expect(plain.rules.length).toBeGreaterThan(30);
    expect(shapeOf(written)).toEqual(shapeOf(plain));
    expect(shapeOf(fromRecipes)).toEqual(shapeOf(plain));
  });

  it('reports duplicate ids at the place the YAML gave, from recipes too', async () => {
    const dir = tempDir();
    const plain = await loadRulesFromPaths([testdata('duplicates')]);
    await loadRulesFromPaths([testdata('duplicates')], { cache: openRuleFileCache(dir, 'b') });
    const cached = await loadRulesFromPaths([testdata('duplicates')], { cache: openRuleFileCache(dir, 'b') });
    expect(plain.issues.length).toBeGreaterThan(0);
    expect(cached).toEqual(plain);
  });

  it('keeps nothing for a file with issues, and reports them as before', async () => {
    const dir = tempDir();
    const cache = counted(openRuleFileCache(dir, 'b'));
    const plain = await loadRulesFromPaths([testdata('mistakes')]);
    expect(await loadRulesFromPaths([testdata('mistakes')], { cache })).toEqual(plain);
    expect(plain.issues.length).toBeGreaterThan(0);
    expect(cache.writes).toBe(0);
    expect(entries(dir)).toEqual([]);
  });

  it('parses the YAML again when an entry is damaged, and writes it anew', async () => {
    const dir = tempDir();
    const rules = testdata('valid/ssh-brute-force.yml');
    const plain = shapeOf(await loadRulesFromPaths([rules]));
    await loadRulesFromPaths([rules], { cache: openRuleFileCache(dir, 'b') });
    const [entry] = entries(dir).map((name) => join(dir, name));
    const good = readFileSync(entry!, 'utf8');
    const invalidRule = good.replace('"severity":"high"', '"severity":"loud"');
    expect(invalidRule).not.toBe(good);
    for (const damaged of [
      '{"rules":[{"recip',
      '{"rules":[]}',
      '[1,2]',
      '{"rules":[{"recipe":{"line":0}}]}',
      invalidRule,
    ]) {
      writeFileSync(entry!, damaged);
      const cache = counted(openRuleFileCache(dir, 'b'));
      expect(shapeOf(await loadRulesFromPaths([rules], { cache }))).toEqual(plain);
      expect(cache.writes).toBe(1);
      expect(readFileSync(entry!, 'utf8')).toBe(good);
    }
  });

  it('reads only its own build, and keeps the folders of builds used lately', async () => {
    const dir = tempDir();
    const rules = testdata('valid/pack.yaml');
    const day = 24 * 3600_000;
    const now = Date.UTC(2026, 0, 10);
    const ages = { 'week-old': 8, yesterday: 1, other: 2 };
    for (const build of Object.keys(ages))
      await loadRulesFromPaths([rules], { cache: openRuleFileCache(dir, build, () => now) });
    for (const [build, daysAgo] of Object.entries(ages)) {
      const when = new Date(now - daysAgo * day);
      utimesSync(join(dir, `rules-${build}`), when, when);
    }
    mkdirSync(join(dir, 'not-ours'));
    const cache = counted(openRuleFileCache(dir, 'new', () => now));
    await loadRulesFromPaths([rules], { cache });
    expect(cache).toMatchObject({ hits: 0, writes: 1 });
    expect(readdirSync(dir).sort()).toEqual(['not-ours', 'rules-new', 'rules-other', 'rules-yesterday']);
    const yesterday = counted(openRuleFileCache(dir, 'yesterday', () => now));
    await loadRulesFromPaths([rules], { cache: yesterday });
    expect(yesterday).toMatchObject({ hits: 1, writes: 0 });
  });

  it('keeps the newest seven other builds', async () => {
    const dir = tempDir();
    const now = Date.UTC(2026, 0, 10);
    for (let age = 1; age <= 9; age++) {
      mkdirSync(join(dir, `rules-b${age}`));
      const when = new Date(now - age * 60_000);
      utimesSync(join(dir, `rules-b${age}`), when, when);
    }
    await loadRulesFromPaths([testdata('valid/pack.yaml')], {
      cache: openRuleFileCache(dir, 'new', () => now),
    });
    expect(readdirSync(dir).sort()).toEqual([
      'rules-b1',
      'rules-b2',
      'rules-b3',
      'rules-b4',
      'rules-b5',
      'rules-b6',
      'rules-b7',
      'rules-new',
    ]);
  });

  it('loads as without a cache when its folder cannot be made, or a value would not survive JSON', async () => {
    const blocked = join(tempDir(), 'a-file');
    writeFileSync(blocked, '');
    const rules = testdata('valid');
    const plain = shapeOf(await loadRulesFromPaths([rules]));
    expect(shapeOf(await loadRulesFromPaths([rules], { cache: openRuleFileCache(blocked, 'b') }))).toEqual(
      plain,
    );

    const dir = tempDir();
    const file = join(dir, 'odd.yml');
    const text = 'id: odd\ntitle: Odd\ntype: match\nwhere: { event.code: .inf }\nseverity: low\n';
    writeFileSync(file, text);
    const cacheDir = join(dir, 'cache');
    const loaded = await loadRulesFromPaths([file], { cache: openRuleFileCache(cacheDir, 'b') });
    expect(loaded.issues).toEqual([]);
    expect(loaded.rules.map((rule) => rule.id)).toEqual(['odd']);
    expect(entries(dir)).toEqual([]);
  });
});
