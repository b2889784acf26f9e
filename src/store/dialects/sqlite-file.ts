import { chmodSync, closeSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import { KlaxonError } from '../../core/index.ts';

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Files SQLite keeps beside the database; it creates them with the database file's mode. */
const COMPANIONS = ['-wal', '-shm', '-journal'];
const PRIVATE_MODE = 0o600;

/** A store that exists but that Klaxon will not use: said plainly, never replaced by a new one. */
export function refuseStore(file: string, why: string): KlaxonError {
  return new KlaxonError(
    'store',
    `${file} ${why}. Klaxon will not replace it with a new, empty store: restore it from a backup, ` +
      'or move it away to start afresh (Klaxon creates a store only where no file exists; ' +
      '`klaxon store init --replace-empty` creates one over an empty file)',
  );
}

/**
 * Whether a store file is there to open (`existing`) or to create (`missing`); an existing file
 * that is empty or not SQLite at all is refused, since opening it would start an empty store over it.
 * With `replaceEmpty` (a person asked for it) an empty file is removed, to be created again 0600.
 */
export function inspectSqliteFile(file: string, replaceEmpty = false): 'existing' | 'missing' {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw refuseStore(file, 'is not a regular file');
    size = stats.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  if (size === 0 && replaceEmpty) {
    unlinkSync(file);
    return 'missing';
  }
  if (size === 0)
    throw refuseStore(file, 'is empty (0 bytes): it is not a Klaxon store, or it was truncated');
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!head.equals(SQLITE_HEADER)) throw refuseStore(file, 'is not a SQLite database (not a Klaxon store)');
  return 'existing';
}

/**
 * Creates an empty database file readable by its owner only, before SQLite writes to it. Another
 * process that created it a moment earlier (two commands started at once) wins; SQLite then
 * serializes the two on the file's lock.
 */
export function createPrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', PRIVATE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Takes group and other permissions off an existing store and its WAL, SHM and journal files. */
export function tightenStoreModes(file: string): void {
  for (const path of [file, ...COMPANIONS.map((suffix) => file + suffix)]) {
    try {
      const mode = statSync(path).mode & 0o777;
      if ((mode & 0o077) !== 0) chmodSync(path, mode & 0o700);
    } catch {
      // Missing companions are normal; a file owned by someone else keeps its mode.
    }
  }
}
