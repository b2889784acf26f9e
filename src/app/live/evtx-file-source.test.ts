import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetUrl } from '../../../test/support/datasets.ts';
import type { SourceBatch, SourceStatus } from '../../sources/index.ts';
import { BatchParser } from './batch-parser.ts';
import { createEvtxFileSource, isEvtxFileSource } from './evtx-file-source.ts';

// 72 records (EVTX-to-MITRE-Attack, CC0): numbered 1..72 in this file's record headers, while
// their EventRecordID (70545..70616) is that of the log they were exported from.
const SAMPLE = datasetUrl(
  'windows/evtx-to-mitre-attack/raw/ID33205-SQL_Server_failed_login_with_non_existing_accounts.evtx',
);
const dir = mkdtempSync(join(tmpdir(), 'klaxon-evtx-source-'));
const config = (path: string) => ({
  type: 'file' as const,
  path: [path],
  start_at: 'beginning' as const,
  poll: 1000,
  max_line_bytes: 1024 * 1024,
});

/** Runs the source for `turns` polls and returns what it delivered and reported. */
async function runFor(path: string, resumeFrom: unknown, turns = 1) {
  const batches: SourceBatch[] = [];
  const statuses: SourceStatus[] = [];
  const controller = new AbortController();
  let polls = 0;
  const source = createEvtxFileSource('security', config(path), {
    resumeFrom,
    sleep: async () => {
      if (++polls >= turns) controller.abort();
    },
  });
  await source.run(
    { deliver: async (batch) => void batches.push(batch), status: (status) => void statuses.push(status) },
    controller.signal,
  );
  const documents = batches.flatMap((batch) => (batch.kind === 'documents' ? batch.documents : []));
  return { batches, statuses, documents, position: batches.at(-1)?.position, skipped: source.skipped };
}

const recordId = (doc: Record<string, unknown>) => (doc.winlog as { record_id: number }).record_id;

describe('the .evtx file source', () => {
  const path = join(dir, 'Application.evtx');
  copyFileSync(SAMPLE, path);

  it('is chosen for format evtx or .evtx paths only', () => {
    expect(isEvtxFileSource({ ...config('/logs/Security.evtx') })).toBe(true);
    expect(isEvtxFileSource({ ...config('/logs/export.bin'), format: 'evtx' })).toBe(true);
    expect(isEvtxFileSource({ ...config('/var/log/auth.log') })).toBe(false);
  });

  it('hands on every record once, oldest first, as documents the Windows mapping reads', async () => {
    const run = await runFor(path, undefined, 2);
    expect(run.documents).toHaveLength(72);
    const ids = run.documents.map(recordId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids[0]).toBe(70545);
    expect(run.position).toEqual({ files: { [path]: '72' } });
    expect(run.statuses.at(-1)).toEqual({ state: 'live' });
    const parsed = new BatchParser(undefined, () => 0).parse(run.batches[0] as SourceBatch);
    expect(parsed.skipped).toEqual({});
    expect(parsed.events.filter((event) => event.event.code === '33205').length).toBeGreaterThan(0);
  });

  it('resumes after the last record id delivered', async () => {
    const all = (await runFor(path, undefined)).documents.map(recordId);
    const resumed = await runFor(path, { files: { [path]: '30' } });
    expect(resumed.documents.map(recordId)).toEqual(all.slice(30));
    const done = await runFor(path, { files: { [path]: '72' } });
    expect(done.documents).toEqual([]);
  });

  it('counts a corrupt chunk and reports a missing file without throwing', async () => {
    const damaged = join(dir, 'damaged.evtx');
    const bytes = readFileSync(SAMPLE);
    bytes[4096 + 600] = (bytes[4096 + 600] as number) ^ 0xff;
    writeFileSync(damaged, bytes);
    const run = await runFor(damaged, undefined);
    expect(run.skipped).toEqual({ 'corrupt-chunk': 1 });
    expect(run.documents.length).toBeLessThan(72);
    const missing = await runFor(join(dir, 'gone.evtx'), undefined);
    expect(missing.statuses.at(-1)?.state).toBe('failing');
    expect(missing.statuses.at(-1)?.message).toContain('ENOENT');
  });
});
