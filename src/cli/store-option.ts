import { userInfo } from 'node:os';
import type { Store } from '../store/index.ts';
import { openKlaxonStore } from '../app/line-evidence.ts';

/** The store commands use unless told otherwise: the embedded SQLite file in the working folder. */
export const DEFAULT_STORE = 'sqlite:./klaxon.db';

export function storeUrl(flag: string | undefined): string {
  return flag ?? process.env.KLAXON_STORE ?? DEFAULT_STORE;
}

/** Opens the store, runs `work`, and closes the store whatever happens. */
export async function withStore<T>(url: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openKlaxonStore(url);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Who is acting, when `--by` is not given: the login name. */
export function defaultActor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
