import { appendFileSync, chmodSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appendLines,
  followStoppedAfterEach,
  numberedLines,
  removeTempFolders,
  tempFolder,
} from './testdata/follow-harness.ts';

afterAll(removeTempFolders);

const follow = followStoppedAfterEach();

describe('the file source', () => {
  it('delivers lines appended over time, LF and CRLF alike, with their file and position', async () => {
    const path = join(tempFolder(), 'auth.log');
    appendLines(path, 1, 3);
    const following = follow({ path });
    await following.waitForLines(3);
    appendLines(path, 4, 5, '\r\n');
    await following.waitForLines(5);
    appendLines(path, 6, 6);
    await following.waitForLines(6);

    expect(following.lines()).toEqual(numberedLines(1, 6));
    expect(following.batches.every((batch) => batch.input === path)).toBe(true);
    const { ino, dev, size } = statSync(path);
    expect(following.lastPosition()).toMatchObject({
      files: [{ path, device: String(dev), inode: String(ino), offset: size }],
    });
    await following.waitFor(() => following.lastStatus()?.state === 'live', 'live');
    expect(following.lastStatus()).toEqual({ state: 'live', lag: { value: 0, unit: 'bytes' } });
  });

  it('holds back an incomplete last line until its newline arrives', async () => {
    const path = join(tempFolder(), 'app.log');
    writeFileSync(path, 'first\nsecond\r\npar');
    const following = follow({ path });
    await following.waitForLines(2);
    await following.waitForPolls(3);
    expect(following.lines()).toEqual(['first', 'second']);
    expect(following.lastStatus()).toMatchObject({ state: 'live', lag: { value: 0 } });

    appendFileSync(path, 'tial\r');
    await following.waitForPolls(3);
    expect(following.lines()).toEqual(['first', 'second']);
    appendFileSync(path, '\nlast\n');
    await following.waitForLines(4);
    expect(following.lines()).toEqual(['first', 'second', 'partial', 'last']);
  });

  it("reads UTF-16 text (SQL Server's ERRORLOG, PowerShell 5) past its byte order mark, as it grows", async () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const path = join(tempFolder(), 'ERRORLOG');
      const write = (text: string) => {
        const little = Buffer.from(text, 'utf16le');
        return encoding === 'utf-16le' ? little : little.swap16();
      };
      writeFileSync(
        path,
        Buffer.concat([write('\ufeff'), write("Login failed for user 'sa'.\r\nzweite Zeile ü\r\n")]),
      );
      const following = follow({ path });
      await following.waitForLines(2);
      // Half of a character, then the rest of it and of its line.
      const next = write('😀 next\r\n');
      appendFileSync(path, next.subarray(0, 3));
      await following.waitForPolls(3);
      expect(following.lines()).toHaveLength(2);
      appendFileSync(path, next.subarray(3));
      await following.waitForLines(3);
      expect(following.lines()).toEqual(["Login failed for user 'sa'.", 'zweite Zeile ü', '😀 next']);
      expect(following.lastPosition()).toMatchObject({ files: [{ offset: statSync(path).size }] });
    }
  });

  it('reports catching-up with the bytes left while reading a backlog, then live', async () => {
    const path = join(tempFolder(), 'big.log');
    appendLines(path, 1, 60_000);
    const following = follow({ path });
    await following.waitForLines(60_000);
    await following.waitFor(() => following.lastStatus()?.state === 'live', 'live');

    expect(following.statuses[0]).toEqual({ state: 'starting' });
    const catchingUp = following.statuses.filter((status) => status.state === 'catching-up');
    expect(catchingUp[0]?.lag).toEqual({ value: statSync(path).size, unit: 'bytes' });
    const lags = catchingUp.map((status) => status.lag?.value ?? 0);
    expect(lags.length).toBeGreaterThan(1);
    expect(lags).toEqual([...lags].sort((a, b) => b - a));
    expect(following.batches.length).toBeGreaterThan(1);
  });

  it('cuts a very long line to the limit, counts it and says so in the status', async () => {
    const path = join(tempFolder(), 'app.log');
    writeFileSync(path, `before\n${'x'.repeat(3 * 1024 * 1024)}\nafter\n`);
    const following = follow({ path });
    await following.waitForLines(3);

    expect(following.lines()).toEqual(['before', 'x'.repeat(1024 * 1024), 'after']);
    expect(following.source.linesCut).toBe(1);
    await following.waitFor(() => following.lastStatus()?.state === 'live', 'live');
    expect(following.lastStatus()?.message).toBe('1 line longer than 1 MiB cut to that length');
  });

  it('cuts a line still being written once it outgrows the limit and drops the rest of it', async () => {
    const path = join(tempFolder(), 'app.log');
    writeFileSync(path, 'y'.repeat(100));
    const following = follow({ path, max_line_bytes: 64 });
    await following.waitForLines(1);
    appendFileSync(path, 'y'.repeat(100));
    await following.waitForPolls(2);
    appendFileSync(path, 'yyy\nnext\n');
    await following.waitForLines(2);

    expect(following.lines()).toEqual(['y'.repeat(64), 'next']);
    expect(following.source.linesCut).toBe(1);
  });

  it('picks up a new file matching the pattern on the next poll; a damaged .gz is reported, never read as lines', async () => {
    const folder = tempFolder();
    appendLines(join(folder, 'a.log'), 1, 2);
    writeFileSync(join(folder, 'a.log.2.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x0a, 0x00]));
    const following = follow({ path: join(folder, '*.log*') });
    await following.waitForLines(2);
    appendLines(join(folder, 'b.log'), 3, 4);
    await following.waitForLines(4);
    await following.waitForPolls(2);

    expect(following.lines()).toEqual(numberedLines(1, 4));
    expect(following.batches.map((batch) => batch.input)).toEqual([
      join(folder, 'a.log'),
      join(folder, 'b.log'),
    ]);
    expect(following.lastStatus()?.message).toContain(
      `${join(folder, 'a.log.2.gz')}: the gzip data is damaged`,
    );
  });

  it('is live with a note while nothing matches, and reads the file once it appears', async () => {
    const folder = tempFolder();
    const path = join(folder, 'later.log');
    const following = follow({ path: [path, join(folder, 'other-*.log')] });
    await following.waitForPolls(2);
    expect(following.lastStatus()).toEqual({
      state: 'live',
      message: `${path} does not exist yet; no file matches ${join(folder, 'other-*.log')} yet`,
      lag: { value: 0, unit: 'bytes' },
    });

    appendLines(path, 1, 1);
    await following.waitForLines(1);
    expect(following.lines()).toEqual(numberedLines(1, 1));
  });

  it('fails naming a path that is not a file, and recovers once it is one', async () => {
    const path = join(tempFolder(), 'auth.log');
    mkdirSync(path);
    const following = follow({ path });
    await following.waitFor(() => following.lastStatus()?.state === 'failing', 'failing');
    expect(following.lastStatus()?.message).toBe(`${path} is not a regular file`);

    rmSync(path, { recursive: true });
    appendLines(path, 1, 2);
    await following.waitForLines(2);
    await following.waitFor(() => following.lastStatus()?.state === 'live', 'live again');
    expect(following.lastStatus()?.message).toBeUndefined();
  });

  it.skipIf(process.getuid?.() === 0)('fails naming a file it may not read, and recovers', async () => {
    const path = join(tempFolder(), 'secure');
    appendLines(path, 1, 2);
    chmodSync(path, 0o000);
    const following = follow({ path });
    await following.waitFor(() => following.lastStatus()?.state === 'failing', 'failing');
    expect(following.lastStatus()?.message).toBe(`cannot read ${path}: permission denied (EACCES)`);
    expect(following.lines()).toEqual([]);

    chmodSync(path, 0o644);
    await following.waitForLines(2);
    await following.waitFor(() => following.lastStatus()?.state === 'live', 'live again');
    expect(following.lines()).toEqual(numberedLines(1, 2));
  });
});
