import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The path in `folder` of the file with this device and inode: where a file known from a saved
 * position went when it was renamed (`auth.log` → `auth.log.1`) while Klaxon was not running.
 */
export async function findByInode(
  folder: string,
  device: string,
  inode: string,
): Promise<string | undefined> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return undefined;
  }
  for (const name of names) {
    const path = join(folder, name);
    try {
      const stats = await stat(path, { bigint: true });
      if (stats.isFile() && String(stats.dev) === device && String(stats.ino) === inode) return path;
    } catch {
      // Gone or unreadable: not the one.
    }
  }
  return undefined;
}
