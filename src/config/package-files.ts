import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'klaxon';

let root: string | undefined;

/**
 * The folder of Klaxon's own package.json. Found by walking up from this module, so the same code
 * finds it in the clone (src/config/), in the compiled CLI (dist/cli/…) and in an installed package.
 */
export function packageRoot(): string {
  root ??= findPackageRoot(dirname(fileURLToPath(import.meta.url)));
  return root;
}

/** A file or folder shipped with the package (`rules/`, `dist/web`), as an absolute path. */
export function packageFile(...segments: string[]): string {
  return join(packageRoot(), ...segments);
}

/** The version in package.json. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

function findPackageRoot(start: string): string {
  for (let folder = start; ; folder = dirname(folder)) {
    if (isKlaxonManifest(join(folder, 'package.json'))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json of ${PACKAGE_NAME} above ${start}`);
  }
}

function isKlaxonManifest(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}
