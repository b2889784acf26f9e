import { stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** What a GET path of the dashboard names: a built file, a missing file, or a page of the SPA. */
export type DashboardTarget = { kind: 'file'; path: string } | { kind: 'missing' } | { kind: 'page' };

const FILE_NAME = /\.[A-Za-z0-9]+$/;

/**
 * Maps a URL path onto `root` without ever leaving it: encoded or plain `..`, dot files, back
 * slashes and NUL bytes name nothing. A path with a file extension that does not exist is
 * missing (a stale asset must not receive index.html); any other path is an SPA page.
 */
export async function resolveAsset(root: string, urlPath: string): Promise<DashboardTarget> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'missing' };
  }
  const relative = decoded.replace(/^\/+/, '');
  if (relative === '' || relative === 'index.html') return { kind: 'page' };
  const segments = relative.split('/');
  const unsafe = segments.some(
    (segment) => segment.startsWith('.') || segment.includes('\\') || segment.includes('\0'),
  );
  if (unsafe) return { kind: 'missing' };
  const full = join(root, ...segments.filter((segment) => segment !== ''));
  if (!full.startsWith(root + sep)) return { kind: 'missing' };
  if (await isFile(full)) return { kind: 'file', path: segments.join('/') };
  return FILE_NAME.test(relative) ? { kind: 'missing' } : { kind: 'page' };
}

export async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
