import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { openRuleFileCache } from '../rules/index.ts';
import type { RuleFileCache } from '../rules/index.ts';

/**
 * Where the compiled CLI keeps rule files' recipes, so a replay skips parsing YAML it has parsed
 * before: $KLAXON_CACHE_DIR (empty: no cache), else $XDG_CACHE_HOME/klaxon, else ~/.cache/klaxon.
 * scripts/build-cli.mjs writes a new id into every build, and a build reads only its own recipes;
 * run from source (no id), the CLI keeps none.
 */
export function cliRuleCache(): RuleFileCache | undefined {
  const build = process.env.KLAXON_BUILD_ID;
  const dir = cacheDir();
  return build && dir ? openRuleFileCache(dir, build) : undefined;
}

function cacheDir(): string | undefined {
  const chosen = process.env.KLAXON_CACHE_DIR;
  if (chosen !== undefined) return chosen === '' ? undefined : chosen;
  try {
    return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'klaxon');
  } catch {
    return undefined;
  }
}

/**
 * The shipped rule pack this build compiled (rule-pack.json beside the bundle, written by
 * scripts/build-cli.mjs), or undefined: run from source, or when the file is missing or damaged.
 * loadRules uses it only while the shipped rule files are still the ones it was made from.
 */
export function cliRulePack(): { rules: unknown; build: string } | undefined {
  const build = process.env.KLAXON_BUILD_ID;
  if (!build) return undefined;
  try {
    return { rules: JSON.parse(readFileSync(new URL(RULE_PACK_FILE, import.meta.url), 'utf8')), build };
  } catch {
    return undefined;
  }
}

/** Beside the chunk of this module, which the build puts in dist/cli with the others. */
export const RULE_PACK_FILE = './rule-pack.json';
