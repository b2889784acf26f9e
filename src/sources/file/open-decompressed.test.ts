import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CHUNK_BYTES, inspectLogFile, readContentChunks } from './open-decompressed.ts';
import { readFirstLines, readLineBatches } from './read-lines.ts';
import { removeTempFolders, tempFolder } from './testdata/follow-harness.ts';

afterAll(removeTempFolders);

function file(name: string, content: string | Buffer): string {
  const path = join(tempFolder(), name);
  writeFileSync(path, content);
  return path;
}

async function allLines(path: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const batch of readLineBatches(path)) lines.push(...batch);
  return lines;
}

const LINES = Array.from({ length: 60_000 }, (_, i) => `Mar 27 13:06:56 host sshd[${i}]: line ${i} ✓`);
const TEXT = `${LINES.join('\n')}\n`;

describe('reading compressed logs', () => {
  it('reads a gzip file as the lines it holds, across many chunks', async () => {
    const path = file('auth.log.2.gz', gzipSync(TEXT));
    expect(await inspectLogFile(path)).toBe('gzip');
    expect(await allLines(path)).toEqual(LINES);
  });

  it('knows gzip by its magic bytes, not by its name', async () => {
    expect(await allLines(file('auth.log.2', gzipSync('a\nb\n')))).toEqual(['a', 'b']);
    expect(await allLines(file('plain.gz', 'a\nb\n'))).toEqual(['a', 'b']);
  });

  it('reads several gzip members in a row (concatenated .gz files)', async () => {
    const path = file('joined.gz', Buffer.concat([gzipSync('a\nb'), gzipSync('c\n')]));
    expect(await allLines(path)).toEqual(['a', 'bc']);
  });

  it('refuses xz with what to do, before reading a line', async () => {
    const path = file('auth.log.3.xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]));
    await expect(readFirstLines(path, 5)).rejects.toThrow(
      `${path} is compressed with xz, which Klaxon does not read; decompress it first (unxz -k ${path})`,
    );
  });

  it('refuses a binary file and a gzip holding one', async () => {
    const binary = Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(64), Buffer.from('\nmore\n')]);
    await expect(allLines(file('a.out', binary))).rejects.toThrow('is a binary file, not text lines');
    await expect(allLines(file('a.out.gz', gzipSync(binary)))).rejects.toThrow(
      'is gzip holding a binary file, not text lines',
    );
  });

  it('reads UTF-16 text (with its byte order mark, as Windows tools write it) as the lines it holds', async () => {
    const text = `\ufeff${LINES.join('\r\n')}\r\n`;
    const little = file('export-le.txt', Buffer.from(text, 'utf16le'));
    const big = file('export-be.txt', Buffer.from(text, 'utf16le').swap16());
    expect(await inspectLogFile(little)).toBe('utf-16le');
    expect(await inspectLogFile(big)).toBe('utf-16be');
    // 60,000 lines are several reads: characters split between two of them are whole.
    expect(await allLines(little)).toEqual(LINES);
    expect(await allLines(big)).toEqual(LINES);
    const emoji = file('emoji.txt', Buffer.from('\ufeffa 😀\nb\ud800c\n', 'utf16le'));
    expect(await allLines(emoji)).toEqual(['a 😀', 'b\ufffdc']);
    await expect(allLines(file('export.txt.gz', gzipSync(Buffer.from(text, 'utf16le'))))).rejects.toThrow(
      'is gzip holding UTF-16 text; gunzip it first',
    );
  });

  it('says plainly that gzip data is cut short, naming the file', async () => {
    const whole = gzipSync(TEXT);
    const path = file('auth.log.4.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(allLines(path)).rejects.toMatchObject({
      code: 'input',
      message: expect.stringContaining(`${path}: the gzip data is damaged or cut short`),
    });
  });

  it('names a missing file plainly', async () => {
    await expect(inspectLogFile('/nonexistent/auth.log.gz')).rejects.toThrow(
      '/nonexistent/auth.log.gz: cannot read the file (no such file or folder (ENOENT))',
    );
  });
});

describe('reading a plain file one chunk ahead', () => {
  // Text of a few chunks and a part (the last read is short), every line different.
  const text = Array.from(
    { length: 90_000 },
    (_, i) => `Mar 27 13:06:56 host sshd[${i}]: ${'x'.repeat(i % 41)} ✓`,
  );
  const content = `${text.join('\n')}\n`;

  it('gives every byte once, in order, a chunk unchanged while the next one is being read', async () => {
    const path = file('ahead.log', content);
    expect(Buffer.byteLength(content)).toBeGreaterThan(3 * CHUNK_BYTES);
    const seen: Buffer[] = [];
    for await (const chunk of readContentChunks(path)) {
      const copy = Buffer.from(chunk);
      // A slow caller: it reads the whole file itself (a read queued after the read ahead, which
      // then has mostly finished into the other buffer), and this chunk must not change meanwhile.
      await nextTurn();
      await readFile(path);
      expect(chunk.equals(copy)).toBe(true);
      seen.push(copy);
    }
    expect(seen.length).toBeGreaterThan(3);
    expect(Buffer.concat(seen).equals(readFileSync(path))).toBe(true);
  });

  it('lets a caller stop after the first chunk or with a read ahead under way', async () => {
    const path = file('stop.log', content);
    const whole = readFileSync(path);
    for (let round = 0; round < 60; round++) {
      const stopAfter = round % 3;
      let index = 0;
      for await (const chunk of readContentChunks(path)) {
        expect(chunk.equals(whole.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES))).toBe(true);
        if (index++ === stopAfter) break;
      }
    }
    expect((await allLines(path)).length).toBe(text.length);
  });
});
