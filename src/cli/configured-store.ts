import { existsSync } from 'node:fs';
import { DEFAULT_CONFIG_FILE, loadKlaxonConfig } from '../app/load-config.ts';
import { storeUrl } from './store-option.ts';

export interface StoreFlags {
  store?: string;
  config?: string;
}

/**
 * The store a command works on, as `klaxon start` would open it: `--store`, else the store of
 * `--config` (or of ./klaxon.yaml when it exists), else $KLAXON_STORE or the default SQLite file.
 */
export async function configuredStore(flags: StoreFlags, cwd = process.cwd()): Promise<string> {
  if (flags.store !== undefined) return flags.store;
  const file =
    flags.config ?? (existsSync(`${cwd}/${DEFAULT_CONFIG_FILE}`) ? DEFAULT_CONFIG_FILE : undefined);
  if (file === undefined) return storeUrl(undefined);
  return (await loadKlaxonConfig(file)).store;
}

/** The help of `--store` and `-c, --config` on the commands that work on the store. */
export const STORE_FLAG_HELP =
  'store URL (default: the store of --config or ./klaxon.yaml, else $KLAXON_STORE or sqlite:./klaxon.db)';
export const CONFIG_FLAG_HELP = 'klaxon.yaml whose store to use (default ./klaxon.yaml when it exists)';
