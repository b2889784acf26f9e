import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateBenchFiles } from './write-bench-files.ts';

const roots: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-bench-'));
  roots.push(dir);
  return dir;
};
afterAll(() => roots.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const small = { ndjsonEvents: 20_000, sshdLines: 30_000, seed: 42 };
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const readLines = (path: string) => readFileSync(path, 'utf8').split('\n').slice(0, -1);

describe('generateBenchFiles', () => {
  const dir = freshDir();
  const first = generateBenchFiles(dir, small);

  it('writes exactly the requested number of lines, and the sizes it reports', async () => {
    const files = await first;
    expect(readLines(files.ndjson)).toHaveLength(20_000);
    expect(readLines(files.authLog)).toHaveLength(30_000);
    for (const file of files.files) {
      expect(file.written).toBe(true);
      expect(statSync(file.path).size).toBe(file.bytes);
      expect(JSON.parse(readFileSync(`${file.path}.meta.json`, 'utf8')).bytes).toBe(file.bytes);
    }
  });

  it('writes Winlogbeat 4625 documents with rising, at most a second out of order, timestamps', async () => {
    const docs = readLines((await first).ndjson).map((line) => JSON.parse(line));
    let latest = 0;
    let late = 0;
    for (const doc of docs) {
      expect(doc.event.code).toBe('4625');
      expect(doc.winlog).toMatchObject({ channel: 'Security', event_id: '4625' });
      expect(doc.winlog.event_data).toHaveProperty('SubStatus');
      expect(doc.winlog.event_data.IpAddress).toBe(doc.source.ip);
      const at = Date.parse(doc['@timestamp']);
      if (at < latest) late++;
      expect(latest - at).toBeLessThanOrEqual(1_000);
      latest = Math.max(latest, at);
    }
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(docs.length / 100);
  });

  it('skews source addresses: a few heavy hitters, most addresses rare', async () => {
    const counts = new Map<string, number>();
    for (const line of readLines((await first).ndjson)) {
      const ip = /"IpAddress":"([^"]+)"/.exec(line)![1]!;
      counts.set(ip, (counts.get(ip) ?? 0) + 1);
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(sorted[0]).toBeGreaterThan(200);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(2);
  });

  it('writes an auth.log of mostly failed sshd logins, in time order, with repeats and other programs', async () => {
    const lines = readLines((await first).authLog);
    const count = (pattern: RegExp) => lines.filter((line) => pattern.test(line)).length;
    expect(
      lines.every((line) => /^[A-Z][a-z]{2} [ 1-3]\d \d\d:\d\d:\d\d web-01 [\w-]+(\[\d+\])?: .+$/.test(line)),
    ).toBe(true);
    const failed = count(/sshd\[\d+\]: (Failed password|Invalid user)/);
    const accepted = count(/sshd\[\d+\]: Accepted /);
    expect(failed).toBeGreaterThan(accepted * 5);
    expect(accepted).toBeGreaterThan(0);
    expect(count(/message repeated \d+ times: \[ Failed password/)).toBeGreaterThan(100);
    expect(count(/ (CRON|sudo)(\[\d+\])?: /)).toBeGreaterThan(0);
    const times = lines.map((line) => Date.parse(`${line.slice(0, 15)} 2024 UTC`));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
  });

  it('writes the same bytes for the same seed and other bytes for another seed', async () => {
    const files = await first;
    const again = await generateBenchFiles(freshDir(), small);
    const other = await generateBenchFiles(freshDir(), { ...small, seed: 43 });
    expect(digest(again.ndjson)).toBe(digest(files.ndjson));
    expect(digest(again.authLog)).toBe(digest(files.authLog));
    expect(digest(other.ndjson)).not.toBe(digest(files.ndjson));
    expect(digest(other.authLog)).not.toBe(digest(files.authLog));
  });

  it('keeps files whose sidecar matches, and rewrites those with other parameters or a wrong size', async () => {
    const files = await first;
    const kept = await generateBenchFiles(dir, small);
    expect(kept.files.map((file) => file.written)).toEqual([false, false]);

    truncateSync(files.authLog, 100);
    const repaired = await generateBenchFiles(dir, small);
    expect(repaired.files.map((file) => file.written)).toEqual([false, true]);
    expect(readLines(files.authLog)).toHaveLength(30_000);

    const resized = await generateBenchFiles(dir, { ...small, ndjsonEvents: 1_000 });
    expect(resized.files.map((file) => file.written)).toEqual([true, false]);
    expect(readLines(files.ndjson)).toHaveLength(1_000);
  });
});
