import { existsSync } from 'node:fs';
import { KlaxonError } from '../core/index.ts';
import { openDatabase } from './open-database.ts';
import { redactUrl } from './redact.ts';
import { runStoreChecks } from './store-checks.ts';
import type { IntegrityLevel, StoreCheck } from './store-checks.ts';
import { parseStoreUrl } from './store-url.ts';

export interface StoreCheckReport {
  /** The store's URL, password hidden. */
  store: string;
  ok: boolean;
  checks: StoreCheck[];
}

/**
 * Looks at a store without changing its schema: that it exists and is a Klaxon store, its schema
 * version, its tables, and (SQLite) every page (`full`: PRAGMA integrity_check). Never creates one.
 */
export async function checkStore(url: string, level: IntegrityLevel = 'full'): Promise<StoreCheckReport> {
  const target = parseStoreUrl(url);
  const store = redactUrl(url);
  if (target.kind === 'sqlite' && !existsSync(target.file))
    return failed(store, 'open', `no store at ${target.file}`);
  let opened;
  try {
    opened = await openDatabase(target);
  } catch (error) {
    if (error instanceof KlaxonError) return failed(store, 'open', error.message);
    throw error;
  }
  try {
    const checks = [
      { name: 'open', ok: true, detail: `opened (${opened.dialect})` },
      ...(await runStoreChecks(opened.db, opened.dialect, level)),
    ];
    const shown = checks.map((check) => ({ ...check, detail: opened.redact(check.detail) }));
    return { store, ok: shown.every((check) => check.ok), checks: shown };
  } finally {
    await opened.db.destroy().catch(() => {});
  }
}

function failed(store: string, name: string, detail: string): StoreCheckReport {
  return { store, ok: false, checks: [{ name, ok: false, detail }] };
}
