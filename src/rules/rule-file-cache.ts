import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { asRuleFileRecipes } from './rule-recipe.ts';
import type { RuleFileCache } from './rule-recipe.ts';

const PREFIX = 'rules-';
const KEEP_OTHERS = 7;
const UNUSED_MS = 7 * 24 * 3600_000;

/**
 * Rule files' recipes as JSON files in `dir`/rules-<build>/, one per file text (named by its
 * SHA-256). `build` names the code that wrote them: recipes of another build are never read. Builds
 * used side by side (two installs, several checkouts) keep their folders; the first write of a
 * build removes those of builds unused for a week, and all but the newest few. Nothing here ever
 * fails a load: a folder that cannot be read or written, or a damaged entry, is a miss.
 */
export function openRuleFileCache(dir: string, build: string, now: () => number = Date.now): RuleFileCache {
  const folder = join(dir, PREFIX + build.replace(/[^A-Za-z0-9_-]/g, '_'));
  let prepared = false;
  const entryOf = (text: string): string =>
    join(folder, `${createHash('sha256').update(text).digest('hex')}.json`);
  return {
    read(text) {
      try {
        return asRuleFileRecipes(JSON.parse(readFileSync(entryOf(text), 'utf8')));
      } catch {
        return undefined;
      }
    },
    write(text, recipes) {
      const json = JSON.stringify(recipes);
      // Only what JSON keeps as it is (no NaN, no Infinity, no `__proto__` key) is worth keeping.
      if (!isDeepStrictEqual(JSON.parse(json), recipes)) return;
      try {
        if (!prepared) prepare(dir, folder, now());
        prepared = true;
        const entry = entryOf(text);
        const partial = `${entry}.${process.pid}.partial`;
        writeFileSync(partial, json);
        renameSync(partial, entry);
      } catch {
        // A cache that cannot be written is no cache: the next load parses the YAML again.
      }
    },
  };
}

/** Creates this build's folder, and removes those of builds unused for long, or too many. */
function prepare(dir: string, folder: string, now: number): void {
  mkdirSync(folder, { recursive: true });
  const others = readdirSync(dir)
    .filter((name) => name.startsWith(PREFIX))
    .map((name) => join(dir, name))
    .filter((path) => path !== folder)
    .map((path) => ({ path, used: statSync(path).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  others.forEach(({ path, used }, index) => {
    if (index >= KEEP_OTHERS || now - used > UNUSED_MS) rmSync(path, { recursive: true, force: true });
  });
}
