import { renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appendLines,
  Following,
  followStoppedAfterEach,
  numberedLines,
  removeTempFolders,
  tempFolder,
} from './testdata/follow-harness.ts';

afterAll(removeTempFolders);
const follow = followStoppedAfterEach();

const text = (from: number, to: number) => `${numberedLines(from, to).join('\n')}\n`;

/** A folder as logrotate leaves it: auth.log.3.gz and auth.log.2.gz, auth.log.1, auth.log, oldest first. */
function rotatedFolder(): string {
  const folder = tempFolder();
  const parts: [string, string | Buffer][] = [
    ['auth.log.3.gz', gzipSync(text(1, 100))],
    ['auth.log.2.gz', gzipSync(text(101, 200))],
    ['auth.log.1', text(201, 300)],
    ['auth.log', text(301, 400)],
  ];
  for (const [i, [name, content]] of parts.entries()) {
    writeFileSync(join(folder, name), content);
    const mtime = new Date(Date.UTC(2026, 0, 1 + i));
    utimesSync(join(folder, name), mtime, mtime);
  }
  return folder;
}

describe('the file source and compressed rotations', () => {
  it('reads each .gz its glob matches once, whole, before the plain files, oldest first', async () => {
    const folder = rotatedFolder();
    const following = follow({ path: join(folder, 'auth.log*') });
    await following.waitForLines(400);
    await following.waitForPolls(3);
    expect(following.lines()).toEqual(numberedLines(1, 400));
    expect(following.batches[0]?.input).toBe(join(folder, 'auth.log.3.gz'));
    expect(following.lastStatus()?.state).toBe('live');
  });

  it('does not read a .gz again after a restart, nor after logrotate renames it', async () => {
    const folder = rotatedFolder();
    const first = new Following({ path: join(folder, 'auth.log*') });
    await first.waitForLines(400);
    await first.waitForPolls(2);
    await first.stop();
    renameSync(join(folder, 'auth.log.3.gz'), join(folder, 'auth.log.4.gz'));
    renameSync(join(folder, 'auth.log.2.gz'), join(folder, 'auth.log.3.gz'));
    appendLines(join(folder, 'auth.log'), 401, 410);
    const second = new Following({ path: join(folder, 'auth.log*') }, { resumeFrom: first.lastPosition() });
    await second.waitForLines(10);
    await second.waitForPolls(3);
    await second.stop();
    expect(second.lines()).toEqual(numberedLines(401, 410));
  });

  it('knows a gzip file by its first bytes when its name does not say so', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'auth.log.2'), gzipSync(text(1, 50)));
    utimesSync(join(folder, 'auth.log.2'), new Date(Date.UTC(2025, 0)), new Date(Date.UTC(2025, 0)));
    writeFileSync(join(folder, 'auth.log'), text(51, 60));
    const following = follow({ path: join(folder, 'auth.log*') });
    await following.waitForLines(60);
    await following.waitForPolls(3);
    expect(following.lines()).toEqual(numberedLines(1, 60));
  });

  it('resumes a .gz stopped half-way where it stopped', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'auth.log.2.gz'), gzipSync(text(1, 20_000)));
    const config = { path: join(folder, 'auth.log*') };
    const first = new Following(config, { stopAfterBatches: 1 });
    await first.done;
    expect(first.lines().length).toBeLessThan(20_000);
    const second = new Following(config, { resumeFrom: first.lastPosition() });
    await second.waitForLines(20_000 - first.lines().length);
    await second.waitForPolls(2);
    await second.stop();
    expect([...first.lines(), ...second.lines()]).toEqual(numberedLines(1, 20_000));
  });

  it('does not read again what it read as auth.log.1 when logrotate compresses that to auth.log.2.gz', async () => {
    const folder = tempFolder();
    const path = join(folder, 'auth.log');
    writeFileSync(path, text(1, 100));
    const following = follow({ path: join(folder, 'auth.log*') });
    await following.waitForLines(100);
    renameSync(path, join(folder, 'auth.log.1'));
    writeFileSync(path, text(101, 150));
    await following.waitForLines(150);
    await following.waitForPolls(2);
    // delaycompress, next rotation: auth.log.1 → auth.log.2.gz, auth.log → auth.log.1
    writeFileSync(join(folder, 'auth.log.2.gz'), gzipSync(text(1, 100)));
    rmSync(join(folder, 'auth.log.1'));
    renameSync(path, join(folder, 'auth.log.1'));
    writeFileSync(path, text(151, 160));
    await following.waitForLines(160);
    await following.waitForPolls(3);
    expect(following.lines()).toEqual(numberedLines(1, 160));
  });

  it('reads only the part of a compressed rotation not read before it was compressed', async () => {
    const folder = tempFolder();
    const path = join(folder, 'auth.log');
    writeFileSync(path, text(1, 100));
    const following = follow({ path });
    await following.waitForLines(100);
    await following.stop();
    // Stopped; meanwhile the file grew, was rotated and compressed at once (no delaycompress).
    appendLines(path, 101, 120);
    writeFileSync(join(folder, 'auth.log.1.gz'), gzipSync(text(1, 120)));
    rmSync(path);
    writeFileSync(path, text(121, 130));
    const again = new Following(
      { path: join(folder, 'auth.log*') },
      { resumeFrom: following.lastPosition() },
    );
    await again.waitForLines(30);
    await again.waitForPolls(3);
    await again.stop();
    expect(again.lines()).toEqual(numberedLines(101, 130));
  });

  it('skips compressed rotations that exist at the first start with start_at: end', async () => {
    const folder = rotatedFolder();
    const following = follow({ path: join(folder, 'auth.log*'), start_at: 'end' });
    await following.waitForPolls(3);
    appendLines(join(folder, 'auth.log'), 401, 402);
    await following.waitForLines(2);
    await following.waitForPolls(2);
    expect(following.lines()).toEqual(numberedLines(401, 402));
  });

  it('says plainly in its status what it cannot read, and reads the rest', async () => {
    const folder = rotatedFolder();
    writeFileSync(join(folder, 'auth.log.5.xz'), Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2]));
    const whole = gzipSync(text(1, 500));
    writeFileSync(join(folder, 'auth.log.4.gz'), whole.subarray(0, whole.length - 40));
    utimesSync(join(folder, 'auth.log.4.gz'), new Date(Date.UTC(2025, 0)), new Date(Date.UTC(2025, 0)));
    const following = follow({ path: join(folder, 'auth.log*') });
    await following.waitForLines(400);
    await following.waitForPolls(3);
    const status = following.lastStatus();
    expect(status?.message).toContain(`${join(folder, 'auth.log.5.xz')} not read: it is compressed with xz`);
    expect(status?.message).toContain(
      `${join(folder, 'auth.log.4.gz')}: the gzip data is damaged or cut short`,
    );
    expect(status?.state).toBe('failing');
    // Reported once and kept: the note does not come and go between polls.
    const noted = following.statuses.filter((seen) => seen.message?.includes('auth.log.5.xz'));
    expect(following.statuses.slice(following.statuses.indexOf(noted[0]!))).toEqual(noted);
    expect(following.lines().slice(-400)).toEqual(numberedLines(1, 400));
  });
});
