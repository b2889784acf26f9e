import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { openStore } from './open-store.ts';

const PAGE_BYTES = 4096;

/** A SQLite Klaxon store at `file` with a few hundred rows, so it spans many pages. */
export async function makeStoreWithRows(file: string, rows = 400): Promise<void> {
  const store = await openStore(`sqlite:${file}`);
  for (let i = 0; i < rows; i++) await store.checkpoints.save(`checkpoint-${i}`, 'x'.repeat(400), i);
  await store.close();
}

/** Writes garbage over the first half of a page in the middle of the file (the store is closed). */
export function writeGarbageMidFile(file: string): void {
  const pages = Math.floor(statSync(file).size / PAGE_BYTES);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(PAGE_BYTES / 2, 0xa5), 0, PAGE_BYTES / 2, Math.floor(pages / 2) * PAGE_BYTES);
  } finally {
    closeSync(fd);
  }
}
