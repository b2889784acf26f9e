import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, linkSync, openSync, readSync, rmSync, statSync, unlinkSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
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
 * Creates an empty SQLite database readable by its owner only. It is made under a temporary name
 * and linked into place whole, so another process never sees it half made (an empty file, which
 * it would refuse); when another process created it first, its store is kept and this one dropped.
 */
export function createPrivateDatabase(file: string): void {
  const temporary = `${file}.creating-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    closeSync(openSync(temporary, 'wx', PRIVATE_MODE));
    const db = new BetterSqlite3(temporary);
    db.pragma('journal_mode = WAL');
    db.close();
    linkSync(temporary, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') throw new Error(`cannot create it (${code ?? (error as Error).message})`);
  } finally {
    rmSync(temporary, { force: true });
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
