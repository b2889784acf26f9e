import type { StoreCheckReport } from './check-store.ts';
import type { OpenStoreOptions } from './open-store.ts';
import type { Store } from './store.ts';
import type { IntegrityLevel } from './store-checks.ts';

/*
 * The store's modules (Kysely, pg, better-sqlite3: some 0.1 s of CPU to load) are imported when a
 * store is first opened or checked, so a command that needs none, such as a replay without
 * --store, starts without them.
 */

/** See open-store.ts. */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const { openStore: open } = await import('./open-store.ts');
  return open(url, options);
}

/** See check-store.ts. */
export async function checkStore(url: string, level: IntegrityLevel = 'full'): Promise<StoreCheckReport> {
  const { checkStore: check } = await import('./check-store.ts');
  return check(url, level);
}
