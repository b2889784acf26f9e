import {
  appendFileSync,
  copyFileSync,
  renameSync,
  statSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLOSE_INACTIVE_MS } from './read-file-turn.ts';
import {
  appendLines,
  followStoppedAfterEach,
  numberedLines,
  removeTempFolders,
  tempFolder,
} from './testdata/follow-harness.ts';
import type { Following } from './testdata/follow-harness.ts';

afterAll(removeTempFolders);

const follow = followStoppedAfterEach();

function trackedPaths(following: Following): string[] {
  const position = following.lastPosition() as { files: { path: string }[] };
  return position.files.map((file) => file.path).sort();
}

/** logrotate's copytruncate: copy (keeping the mtime), then truncate the original in place. */
function copyTruncate(path: string, copy: string): void {
  copyFileSync(path, copy);
  const { atime, mtime } = statSync(path);
  utimesSync(copy, atime, mtime);
  truncateSync(path, 0);
}

describe('the file source through rotation', () => {
  it('finishes a file renamed away, even lines written to it after the rename, then reads the new one', async () => {
    const folder = tempFolder();
    const path = join(folder, 'auth.log');
    appendLines(path, 1, 10);
    const following = follow({ path });
    await following.waitForLines(10);

    appendLines(path, 11, 15);
    renameSync(path, join(folder, 'auth.log.1'));
    appendLines(path, 16, 20);
    await following.waitForLines(20);
    // The writer has not reopened its file yet.
    appendLines(join(folder, 'auth.log.1'), 21, 22);
    await following.waitForLines(22);
    appendLines(path, 23, 25);
    await following.waitForLines(25);

    expect(following.lines().slice(0, 20)).toEqual(numberedLines(1, 20));
    expect(following.lines().slice(20).sort()).toEqual(numberedLines(21, 25));
    expect(trackedPaths(following)).toEqual([path, join(folder, 'auth.log.1')]);

    // Closed after a quiet minute; a last line without newline is still a line then.
    appendFileSync(join(folder, 'auth.log.1'), 'last words');
    await following.waitForPolls(2);
    expect(following.lines()).toHaveLength(25);
    following.clock += CLOSE_INACTIVE_MS;
    appendLines(path, 26, 26);
    await following.waitForLines(27);
    expect(following.lines().slice(25).sort()).toEqual(['last words', ...numberedLines(26, 26)]);
    // The renamed file's last line and the new file's may come in either order, each in its own
    // batch: the position of the batch after both no longer holds the renamed file.
    appendLines(path, 27, 27);
    await following.waitForLines(28);
    expect(trackedPaths(following)).toEqual([path]);
  });

  it('finishes a UTF-16 file renamed away with its last line, which has no line end', async () => {
    const folder = tempFolder();
    const path = join(folder, 'ERRORLOG');
    writeFileSync(path, Buffer.from('\ufefffirst\r\nlast words ü', 'utf16le'));
    const following = follow({ path });
    await following.waitForLines(1);
    renameSync(path, join(folder, 'ERRORLOG.1'));
    await following.waitForPolls(2);
    following.clock += CLOSE_INACTIVE_MS;
    await following.waitForLines(2);
    expect(following.lines()).toEqual(['first', 'last words ü']);
  });

  it('follows a rotated file under its new name when the pattern matches both', async () => {
    const folder = tempFolder();
    const path = join(folder, 'secure');
    appendLines(path, 1, 10);
    const following = follow({ path: join(folder, 'secure*') });
    await following.waitForLines(10);

    appendLines(path, 11, 15);
    renameSync(path, join(folder, 'secure-20240101'));
    appendLines(path, 16, 20);
    await following.waitForLines(20);
    await following.waitForPolls(2);

    expect(following.lines()).toEqual(numberedLines(1, 20));
    expect(trackedPaths(following)).toEqual([path, join(folder, 'secure-20240101')]);
  });

  it('reads a file truncated in place from the start: lines after the truncation are not lost', async () => {
    const path = join(tempFolder(), 'app.log');
    appendLines(path, 1, 40);
    const following = follow({ path });
    await following.waitForLines(40);

    truncateSync(path, 0);
    appendLines(path, 41, 100);
    await following.waitForLines(100);
    await following.waitForPolls(2);

    expect(following.lines()).toEqual(numberedLines(1, 100));
  });

  it('reads a copytruncate copy from where the original was: nothing lost, nothing read twice', async () => {
    const folder = tempFolder();
    const path = join(folder, 'app.log');
    appendLines(path, 1, 40);
    const following = follow({ path: join(folder, 'app.log*') });
    await following.waitForLines(40);

    appendLines(path, 41, 45);
    copyTruncate(path, join(folder, 'app.log.1'));
    appendLines(path, 46, 50);
    await following.waitForLines(50);
    await following.waitForPolls(2);

    expect(following.lines()).toEqual(numberedLines(1, 50));
  });

  it('does not deliver bytes read at an old offset of a file rewritten after it was checked', async () => {
    const folder = tempFolder();
    const [a, b] = [join(folder, 'a.log'), join(folder, 'b.log')];
    appendLines(a, 1, 2);
    appendLines(b, 3, 42);
    const following = follow({ path: join(folder, '*.log') });
    await following.waitForLines(42);

    // a.log gets news but looks older, so b.log (checked in the same turn) is read after it.
    following.hold();
    appendLines(a, 43, 43);
    utimesSync(a, new Date(2020, 0, 1), new Date(2020, 0, 1));
    await following.waitForLines(43);
    truncateSync(b, 0);
    appendLines(b, 100, 160);
    following.release();
    await following.waitForLines(43 + 61);
    await following.waitForPolls(2);

    expect(following.lines()).toEqual([...numberedLines(1, 43), ...numberedLines(100, 160)]);
  });

  it('finishes a deleted file and then forgets it', async () => {
    const folder = tempFolder();
    const path = join(folder, 'app-1.log');
    appendLines(path, 1, 5);
    appendLines(join(folder, 'app-2.log'), 6, 6);
    const following = follow({ path: join(folder, 'app-*.log') });
    await following.waitForLines(6);

    appendLines(path, 7, 9);
    unlinkSync(path);
    await following.waitForLines(9);
    appendLines(join(folder, 'app-2.log'), 10, 10);
    await following.waitForLines(10);

    expect(following.lines().sort()).toEqual(numberedLines(1, 10));
    expect(trackedPaths(following)).toEqual([join(folder, 'app-2.log')]);
  });
});
