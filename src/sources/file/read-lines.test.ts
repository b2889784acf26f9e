import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import {
  readFirstLines,
  readLineBatches,
  readLineBatchesWithBytes,
  readLocatedLineBatches,
} from './read-lines.ts';
import { removeTempFolders, tempFolder } from './testdata/follow-harness.ts';

afterAll(removeTempFolders);

async function allLines(path: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const batch of readLineBatches(path)) lines.push(...batch);
  return lines;
}

function file(content: string): string {
  const path = join(tempFolder(), 'input.log');
  writeFileSync(path, content);
  return path;
}

describe('readLineBatches', () => {
  it('splits on LF and CRLF and keeps a last line without newline', async () => {
    expect(await allLines(file('a\r\nb\n\nc'))).toEqual(['a', 'b', '', 'c']);
  });

  it('joins lines split across chunk boundaries', async () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `line ${i} ${'x'.repeat(i % 97)}`);
    expect(await allLines(file(lines.join('\n') + '\n'))).toEqual(lines);
  });

  it('keeps multi-byte characters whole across chunks', async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `Jürgen ✓ ${i}`);
    expect(await allLines(file(lines.join('\n')))).toEqual(lines);
  });

  it('gives the same lines at most `maxLines` at a time, across chunks, CRLF and multi-byte characters', async () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `Jürgen ✓ ${i} ${'x'.repeat(i % 89)}`);
    const path = file(`${lines.join('\r\n')}\r\n`);
    for (const maxLines of [1, 7, 512]) {
      const read: string[] = [];
      for await (const batch of readLineBatches(path, maxLines)) {
        expect(batch.length).toBeGreaterThan(0);
        expect(batch.length).toBeLessThanOrEqual(maxLines);
        read.push(...batch);
      }
      expect(read).toEqual(lines);
    }
  });

  it('gives each line with its bytes as read, but a line that spans two reads, in plain and gzip files', async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `Jürgen ✓ ${i} ${'x'.repeat(i % 89)}`);
    const text = `${lines.join('\r\n')}\r\n`;
    const plain = file(text);
    const gzipped = join(tempFolder(), 'input.log.gz');
    writeFileSync(gzipped, gzipSync(text));
    for (const path of [plain, gzipped]) {
      const read: string[] = [];
      let spanning = 0;
      for await (const batch of readLineBatchesWithBytes(path, 512)) {
        expect(batch.starts).toEqual([]);
        batch.lines.forEach((line, i) => {
          const begin = batch.begins?.[i] as number;
          const length = batch.bytes[i] as number;
          expect(length).toBe(Buffer.byteLength(line));
          if (begin < 0) spanning++;
          else expect(batch.chunk?.toString('utf8', begin, begin + length)).toBe(line);
        });
        read.push(...batch.lines);
      }
      expect(read).toEqual(lines);
      expect(spanning).toBeGreaterThan(0);
    }
    // A last line without a newline, however long, comes without bytes.
    const last = 'z'.repeat(3 << 20);
    const batches = [];
    for await (const batch of readLineBatchesWithBytes(file(`a\n${last}`))) batches.push(batch);
    expect(batches.map((batch) => [batch.lines.map((line) => line.length), batch.begins])).toEqual([
      [[1], [0]],
      [[last.length], [-1]],
    ]);
  });

  it('reads an empty file as no lines', async () => {
    expect(await allLines(file(''))).toEqual([]);
  });
});

describe('readFirstLines', () => {
  it('skips blank lines and stops at the count', async () => {
    expect(await readFirstLines(file('\n\na\n \nb\nc\n'), 2)).toEqual(['a', 'b']);
  });

  it('gives the first non-blank lines of a file, blank runs and CRLF across its batches too', async () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => (i % 7 < 3 ? ' ' : `line ${i} ✓`));
    const path = file(lines.map((line, i) => (i % 2 === 0 ? `${line}\r\n` : `${line}\n`)).join(''));
    const whole = (await allLines(path)).filter((line) => line.trim() !== '');
    for (const count of [1, 2, 3, 50, 2_000, 9_000])
      expect(await readFirstLines(path, count)).toEqual(whole.slice(0, count));
  });
});

describe('readLocatedLineBatches', () => {
  it('gives the batches readLineBatches gives, and where each line is: its bytes read back are the line', async () => {
    const lines = Array.from({ length: 60_000 }, (_, i) =>
      i % 5 === 0 ? `\uFEFFJürgen ✓ 日本 ${i}` : `line ${i} ${'x'.repeat(i % 97)}`,
    );
    // CRLF and LF mixed, blank lines, a line longer than a read, and a last line without newline.
    const text =
      lines.map((line, i) => (i % 3 === 0 ? `${line}\r\n` : `${line}\n`)).join('') +
      `\n${'y'.repeat(3 << 20)}\nend`;
    const path = file(text);
    const bytes = readFileSync(path);
    const plain: string[][] = [];
    for await (const batch of readLineBatches(path)) plain.push(batch);
    const located: string[][] = [];
    for await (const batch of readLocatedLineBatches(path)) {
      located.push(batch.lines);
      expect(batch.starts.length).toBe(batch.lines.length);
      batch.lines.forEach((line, i) => {
        const start = batch.starts[i] as number;
        expect(bytes.toString('utf8', start, start + (batch.bytes[i] as number))).toBe(line);
      });
    }
    expect(located).toEqual(plain);
    expect(located.flat().slice(-2)).toEqual(['y'.repeat(3 << 20), 'end']);
  });
});
