import { copyFileSync, renameSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprintOf } from './fingerprint.ts';
import {
  appendLines,
  Following,
  numberedLines,
  removeTempFolders,
  tempFolder,
} from './testdata/follow-harness.ts';
import type { FollowOptions } from './testdata/follow-harness.ts';

/** Runs the source until it stops by itself (`stopAfterBatches`) or has delivered `lines` lines. */
async function runOnce(
  config: Record<string, unknown>,
  options: FollowOptions & { untilLines?: number },
): Promise<Following> {
  const following = new Following(config, options);
  if (options.untilLines !== undefined) {
    await following.waitForLines(options.untilLines);
    await following.waitForPolls(2);
  } else await following.waitFor(() => following.batches.length === options.stopAfterBatches, 'the batches');
  await following.stop();
  return following;
}

afterAll(removeTempFolders);

describe('the file source resumed from a delivered position', () => {
  it('neither loses nor repeats a line across restarts, appends and a rename while stopped', async () => {
    const folder = tempFolder();
    const path = join(folder, 'auth.log');
    const config = { path };
    const delivered: string[] = [];
    appendLines(path, 1, 30_000);

    // Stopped in the middle of the file (it takes two reads).
    const first = await runOnce(config, { stopAfterBatches: 1 });
    delivered.push(...first.lines());
    expect(first.lines().length).toBeLessThan(30_000);

    appendLines(path, 30_001, 30_010);
    renameSync(path, join(folder, 'auth.log.1'));
    appendLines(path, 30_011, 30_020);
    // The renamed file no longer matches: it is found by inode, finished, then the new one read.
    const second = await runOnce(config, { resumeFrom: first.lastPosition(), stopAfterBatches: 1 });
    delivered.push(...second.lines());

    appendLines(path, 30_021, 30_030);
    const third = await runOnce(config, { resumeFrom: second.lastPosition(), untilLines: 20 });
    delivered.push(...third.lines());

    expect(delivered).toEqual(numberedLines(1, 30_030));
  });

  it('neither loses nor repeats a line when files are renamed and copy-truncated while stopped', async () => {
    const folder = tempFolder();
    const path = join(folder, 'auth.log');
    const config = { path: join(folder, 'auth.log*') };
    const delivered: string[] = [];
    appendLines(path, 1, 100);
    const first = await runOnce(config, { untilLines: 100 });
    delivered.push(...first.lines());

    appendLines(path, 101, 110);
    renameSync(path, join(folder, 'auth.log.1'));
    appendLines(path, 111, 200);
    const second = await runOnce(config, { resumeFrom: first.lastPosition(), untilLines: 100 });
    delivered.push(...second.lines());

    appendLines(path, 201, 210);
    renameSync(join(folder, 'auth.log.1'), join(folder, 'auth.log.2'));
    copyFileSync(path, join(folder, 'auth.log.1'));
    utimesSync(join(folder, 'auth.log.1'), statSync(path).atime, statSync(path).mtime);
    truncateSync(path, 0);
    appendLines(path, 211, 220);
    const third = await runOnce(config, { resumeFrom: second.lastPosition(), untilLines: 20 });
    delivered.push(...third.lines());

    expect(delivered).toEqual(numberedLines(1, 220));
  });

  it('starts files present at the start at their end with start_at: end, later ones at the beginning', async () => {
    const folder = tempFolder();
    appendLines(join(folder, 'old.log'), 1, 10);
    const config = { path: join(folder, '*.log'), start_at: 'end' };
    const first = new Following(config);
    await first.waitForPolls(2);
    appendLines(join(folder, 'old.log'), 11, 12);
    appendLines(join(folder, 'new.log'), 13, 14);
    await first.waitForLines(4);
    await first.stop();
    expect(first.lines().sort()).toEqual(numberedLines(11, 14));

    // Known files continue where they were, whatever start_at says.
    appendLines(join(folder, 'old.log'), 15, 15);
    const second = await runOnce(config, { resumeFrom: first.lastPosition(), untilLines: 1 });
    expect(second.lines()).toEqual(numberedLines(15, 15));
  });

  it('reads a file from the start when its inode holds other content than the position says', async () => {
    const path = join(tempFolder(), 'app.log');
    appendLines(path, 1, 5);
    const { dev, ino } = statSync(path);
    const other = Buffer.from(numberedLines(90, 99).join('\n'));
    const resumeFrom = {
      files: [
        {
          path,
          device: String(dev),
          inode: String(ino),
          offset: 100,
          fingerprint: fingerprintOf(other.subarray(0, 60)).sha256,
          fingerprintBytes: 60,
        },
      ],
    };
    const following = await runOnce({ path }, { resumeFrom, untilLines: 5 });
    expect(following.lines()).toEqual(numberedLines(1, 5));
  });

  it('starts afresh, saying so, when the position is not one it made', async () => {
    const path = join(tempFolder(), 'app.log');
    writeFileSync(path, 'only\n');
    const following = new Following({ path }, { resumeFrom: { cursor: 'abc' } });
    await following.waitForLines(1);
    await following.waitFor(() => following.lastStatus()?.state === 'live', 'live');
    expect(following.statuses.some((status) => status.message?.includes('not a file position'))).toBe(true);
    await following.stop();
  });
});
