// Few distinct codes occur in practice; caching avoids re-parsing the same text per event.
const CACHE_LIMIT = 1024;
const cache = new Map<string, string | undefined>();
/**
 * The last few values looked up and their forms, in turn: one event's Status and SubStatus are
 * mostly those of the last events, and comparing a fresh string is cheaper than hashing it.
 */
const RECENT = 4;
const recentValues: string[] = new Array<string>(RECENT).fill('');
const recentForms: (string | undefined)[] = new Array<string | undefined>(RECENT).fill(undefined);
let nextRecent = 0;

/**
 * Canonical form of a hexadecimal status code: lowercase, no zero padding (`0xC000006A` →
 * `0xc000006a`, `0x00000018` → `0x18`, `0x00000000` → `0x0`). Windows writes `0x18`, some
 * converters `0x00000018`; both must find the same table entry. Undefined when not hex.
 */
export function canonicalStatus(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  for (let i = 0; i < RECENT; i++) if (recentValues[i] === value) return recentForms[i];
  const canonical = cachedStatus(value);
  recentValues[nextRecent] = value;
  recentForms[nextRecent] = canonical;
  nextRecent = (nextRecent + 1) % RECENT;
  return canonical;
}

function cachedStatus(value: string): string | undefined {
  const cached = cache.get(value);
  if (cached !== undefined || cache.has(value)) return cached;
  const canonical = parseStatus(value);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(value, canonical);
  return canonical;
}

function parseStatus(value: string): string | undefined {
  const text = value.trim();
  if (text.length < 3 || text.length > 10 || text.charCodeAt(0) !== 48 || (text.charCodeAt(1) | 32) !== 120) {
    return undefined;
  }
  const code = Number(text); // Number() reads `0x…` and rejects anything else as NaN
  return Number.isNaN(code) ? undefined : `0x${code.toString(16)}`;
}
