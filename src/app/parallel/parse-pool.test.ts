import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../core/index.ts';
import type { ReadCounts } from '../event-stream.ts';
import { parallelBatches } from './parallel-batches.ts';
import { workerEntry } from './worker-entry.ts';

const folder = mkdtempSync(join(tmpdir(), 'klaxon-pool-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const line = JSON.stringify({ '@timestamp': '2024-01-01T00:00:00Z', event: { code: '4625' } });
const path = join(folder, 'events.jsonl');
writeFileSync(path, `${line}\n`.repeat(400));

async function readWith(name: string, threads = 2): Promise<number> {
  const counts: ReadCounts = { lines: 0, events: 0, skipped: {} };
  const read = { path, format: 'ndjson', parserOptions: {}, size: 400 * (line.length + 1), source: 0 };
  const entry = workerEntry(new URL(import.meta.url), name);
  let events = 0;
  for await (const batch of parallelBatches(
    { ...read, threads, rangeBytes: 2048, entry, mainThreadParses: false },
    counts,
  ))
    events += batch.events.length;
  return events;
}

describe('parse workers that fail', () => {
  it('reads the file with the real worker (the fixtures below differ only in failing)', async () => {
    expect(await readWith('parse-worker')).toBe(400);
  });

  it('ends the read with an error naming the file when a worker throws', async () => {
    const failure = readWith('testdata/throwing-worker');
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow(`${path}: a reading thread failed: simulated parser crash`);
  });

  it('ends the read with an error naming the file when a worker thread exits', async () => {
    await expect(readWith('testdata/exiting-worker', 1)).rejects.toThrow(
      `${path}: a reading thread failed: the thread stopped (exit code 3)`,
    );
  });

  it('ends the read with an error when the worker module cannot be loaded', async () => {
    await expect(readWith('testdata/no-such-worker')).rejects.toThrow(`${path}: a reading thread failed`);
  });
});
