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
