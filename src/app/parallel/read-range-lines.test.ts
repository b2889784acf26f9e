import { closeSync, mkdtempSync, openSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readLineBatches } from '../../sources/index.ts';
import { planRanges } from './plan-ranges.ts';
import { LineReader, readRangeLines } from './read-range-lines.ts';

const folder = mkdtempSync(join(tmpdir(), 'klaxon-ranges-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

let written = 0;
function file(content: string | Buffer): string {
  const path = join(folder, `input-${written++}.log`);
  writeFileSync(path, content);
  return path;
}

async function oneThread(path: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const batch of readLineBatches(path)) lines.push(...batch);
  return lines;
}

function byRanges(path: string, size: number, rangeBytes: number): string[] {
  const fd = openSync(path, 'r');
  try {
    return planRanges(size, rangeBytes).flatMap((range) => {
      const found = readRangeLines(fd, range);
      // Each line read back from where it was found is the same text (evidence of worker threads).
      const reader = new LineReader(path);
      const again = found.starts.map((start, i) => reader.read(start, found.bytes[i] as number));
      expect(again).toEqual(found.lines);
      return found.lines;
    });
  } finally {
    closeSync(fd);
  }
}

describe('readRangeLines', () => {
  it('gives every line once, in order, however the file is cut', async () => {
    const content = 'first\r\nsecond\n\nJürgen ✓ 4\n' + 'x'.repeat(300) + '\nlast without newline';
    const path = file(content);
    const size = Buffer.byteLength(content);
    const expected = await oneThread(path);
    for (const rangeBytes of [1, 2, 3, 5, 7, 64, 301, size, size * 2])
      expect(byRanges(path, size, rangeBytes), `ranges of ${rangeBytes} bytes`).toEqual(expected);
  });

  it('matches the single-thread reader on arbitrary text and cut sizes', async () => {
    const text = fc.array(fc.oneof(fc.constantFrom('\n', '\r\n', '\r', 'é', '✓', '😀', ' '), fc.string()), {
      maxLength: 60,
    });
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 40 }), async (parts, rangeBytes) => {
        const content = parts.join('');
        const path = file(content);
        expect(byRanges(path, Buffer.byteLength(content), rangeBytes)).toEqual(await oneThread(path));
      }),
      { numRuns: 200 },
    );
  });

  it('reads a line longer than a range and the tail read ahead (64 KiB) into the range it begins in', async () => {
    const long = 'y'.repeat(200_000);
    const path = file(`a\n${long}\nb\n`);
    const size = 2 + long.length + 3;
    expect(byRanges(path, size, 1000)).toEqual(['a', long, 'b']);
  });

  it('matches the single-thread reader when lines end around the tail read with a range (64 KiB)', async () => {
    const tail = 64 * 1024;
    const lengths = fc.array(fc.integer({ min: tail - 4, max: tail + 4 }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(
        lengths,
        fc.boolean(),
        fc.integer({ min: 1, max: 8 }),
        async (sizes, newlineAtEnd, cut) => {
          const content =
            sizes.map((n, i) => String(i % 10).repeat(n)).join('\n') + (newlineAtEnd ? '\n' : '');
          const path = file(content);
          const size = Buffer.byteLength(content);
          const expected = await oneThread(path);
          for (const rangeBytes of [1000 + cut, tail - cut, tail + cut, 2 * tail + cut])
            expect(byRanges(path, size, rangeBytes), `ranges of ${rangeBytes} bytes`).toEqual(expected);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('says the file changed when a line is no longer where it was found', () => {
    const path = file('short\n');
    expect(() => new LineReader(path).read(2, 100)).toThrow(
      `${path}: the file changed while it was replayed`,
    );
  });

  it.skipIf(process.platform !== 'linux')(
    'after close, reads lines by opening the file once until the next turn of the event loop',
    async () => {
      const path = file('one\ntwo\nthree\n');
      const opened = () =>
        readdirSync('/proc/self/fd').filter((fd) => safeLink(`/proc/self/fd/${fd}`) === path);
      const reader = new LineReader(path);
      expect(reader.read(4, 3)).toBe('two');
      reader.close();
      expect(opened()).toEqual([]);
      expect([reader.read(0, 3), reader.read(8, 5), reader.read(4, 3)]).toEqual(['one', 'three', 'two']);
      expect(opened()).toHaveLength(1);
      await new Promise((resolve) => setImmediate(resolve));
      expect(opened()).toEqual([]);
      expect(reader.read(8, 5)).toBe('three'); // and again when read later
      await new Promise((resolve) => setImmediate(resolve));
      expect(opened()).toEqual([]);
    },
  );

  it('reads an empty file as no lines', () => {
    expect(byRanges(file(''), 0, 16)).toEqual([]);
  });
});

function safeLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined; // the descriptor readdir itself used, closed since
  }
}
