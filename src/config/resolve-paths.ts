import { isAbsolute, resolve } from 'node:path';

/** Settings that name a file or folder, by naming convention: `path`, `ca_file`, `spool_dir`, ... */
const PATH_KEY = /^(?:path|.+_(?:file|path|dir))$/;
/** Maps whose values are either inline PEM/armored text or the path of a file holding it. */
const TEXT_OR_PATH_MAPS = new Set(['pgp_public_keys']);
const INLINE_TEXT = '-----BEGIN ';

export function resolveFrom(baseDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

/**
 * A copy of one channel's settings with relative paths made absolute against `baseDir` (the
 * config file's folder), so Klaxon reads the same files whatever its working directory.
 * Values that are not strings are left for the schema to refuse.
 */
export function resolveSettingPaths(
  settings: Record<string, unknown>,
  baseDir: string,
): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (PATH_KEY.test(key) && typeof value === 'string' && value !== '') {
      resolved[key] = resolveFrom(baseDir, value);
    } else if (PATH_KEY.test(key) && Array.isArray(value)) {
      // A list of paths or globs (a file source's `path: [auth.log, "secure*"]`).
      resolved[key] = value.map((item) =>
        typeof item === 'string' && item !== '' ? resolveFrom(baseDir, item) : item,
      );
    } else if (TEXT_OR_PATH_MAPS.has(key) && isPlainMap(value)) {
      resolved[key] = Object.fromEntries(
        Object.entries(value).map(([name, text]) => [name, resolveTextOrPath(text, baseDir)]),
      );
    } else {
      resolved[key] = value;
    }
  }
  return resolved;
}

function resolveTextOrPath(value: unknown, baseDir: string): unknown {
  if (typeof value !== 'string' || value === '' || value.startsWith(INLINE_TEXT)) return value;
  return resolveFrom(baseDir, value);
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
