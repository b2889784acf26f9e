import { homedir } from 'node:os';
import { join } from 'node:path';

/** $KLAXON_CACHE_DIR (empty: no cache), else $XDG_CACHE_HOME/klaxon, else ~/.cache/klaxon. */
export function cacheDir(): string | undefined {
  const chosen = process.env.KLAXON_CACHE_DIR;
  if (chosen !== undefined) return chosen === '' ? undefined : chosen;
  try {
    return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'klaxon');
  } catch {
    return undefined;
  }
}
