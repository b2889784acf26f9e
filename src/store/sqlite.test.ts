import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './index.ts';
import { describeStoreContract } from './store.contract.ts';

let dir = '';
let databases = 0;
let url = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'klaxon-store-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  databases += 1;
  url = `sqlite:${join(dir, `store-${databases}.db`)}`;
});

describeStoreContract('SQLite file', () => openStore(url));

const CHILD = fileURLToPath(new URL('testdata/open-incidents.ts', import.meta.url));

/** Starts a child that opens `count` incidents once told to go; resolves when it is ready. */
async function startWriter(
  label: string,
  count: number,
): Promise<{ go(): void; serials: Promise<number[]> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, String(count), label], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (output.startsWith('ready\n')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`writer ${label} exited with ${code} before it was ready`)),
    );
  });
  const serials = once(child, 'exit').then(([code]) => {
    if (code !== 0) throw new Error(`writer ${label} exited with ${code}`);
    return JSON.parse(output.slice('ready\n'.length)) as number[];
  });
  await ready;
  return { go: () => child.stdin.end('go\n'), serials };
}

describe('SQLite file shared by processes', () => {
  it('hands out gap-free serials to three processes opening incidents in one file at once', async () => {
    const perProcess = 300;
    const writers = await Promise.all(['a', 'b', 'c'].map((label) => startWriter(label, perProcess)));
    // Released together; each writes through transactions that read before they write.
    for (const writer of writers) writer.go();
    const byWriter = await Promise.all(writers.map((writer) => writer.serials));
    const serials = byWriter.flat().sort((x, y) => x - y);
    expect(serials).toEqual(Array.from({ length: 3 * perProcess }, (_, i) => i + 1));
  });
});

describe('SQLite in memory', () => {
  it('keeps each in-memory store to itself', async () => {
    const [a, b] = [await openStore('sqlite::memory:'), await openStore('sqlite::memory:')];
    try {
      await a.checkpoints.save('only-in-a', 'x', 1);
      expect(await a.checkpoints.load('only-in-a')).toEqual({ data: 'x', at: 1 });
      expect(await b.checkpoints.load('only-in-a')).toBeUndefined();
      expect(a.dialect).toBe('sqlite');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
