import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FaultRig } from './fault-harness.ts';
import { bruteForce, createFaultRig, expectEachOnce, readyz, waitFor } from './fault-harness.ts';

/** A small tmpfs of its own, so the store's disk can really fill up; undefined where mounting is not allowed. */
function mountSmallDisk(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

/** Writes zeros to `file` until the file system says ENOSPC. */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(16 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

describe('faults under a daemon on SQLite', () => {
  let rig: FaultRig;

  beforeEach(async () => {
    rig = await createFaultRig();
  });
  afterEach(async () => {
    await rig.close();
  });

  it.skipIf(process.getuid?.() !== 0)(
    'the disk of the store fills up, then has room again: detection and delivery go on, nothing lost or doubled',
    async (context) => {
      const root = mountSmallDisk();
      if (root === undefined) return context.skip('mounting a tmpfs is not allowed here');
      const folder = join(root, 'store');
      mkdirSync(folder);
      try {
        await rig.start(`sqlite:${join(folder, 'klaxon.db')}`);
        rig.append(bruteForce('203.0.113.10'));
        await waitFor('the first incident', async () => (await rig.incidentsByIp()).get('203.0.113.10'));
        fillDisk(join(root, 'filler'));
        rig.append(bruteForce('203.0.113.11'));
        const seen = await waitFor('/readyz to report the store', async () => {
          const ready = await readyz(rig);
          return ready.failing.includes('store') ? ready : undefined;
        });
        expect(seen.status).toBe(503);
        expect(rig.lines.join('\n')).toMatch(/store failing, retrying with backoff: .*(full|SQLITE_FULL)/i);
        rmSync(join(root, 'filler'));
        rig.append(bruteForce('203.0.113.12'));
        await expectEachOnce(rig, ['203.0.113.10', '203.0.113.11', '203.0.113.12']);
        await waitFor('/readyz to be ready again', async () => (await readyz(rig)).status === 200);
      } finally {
        await rig.close();
        execFileSync('umount', [root]);
        rmSync(root, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('the syslog port is taken at start, then freed: the source binds by itself, /readyz told meanwhile', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    await rig.start(`sqlite:${join(rig.dir, 'klaxon.db')}`, { readiness: { sourceGraceMs: 100 } }, [
      `{ type: syslog, name: forwarded, listen: "tcp://127.0.0.1:${port}", format: sshd }`,
    ]);
    const seen = await waitFor('/readyz to name the source', async () => {
      const ready = await readyz(rig);
      return ready.failing.includes('source forwarded') ? ready : undefined;
    });
    expect(seen.status).toBe(503);
    await new Promise((resolve) => blocker.close(resolve));
    await waitFor('the source to listen', () => rig.daemon.sources[0]?.status.state === 'live', 30_000);
    const sender = connect(port, '127.0.0.1');
    sender.end(bruteForce('192.0.2.77'));
    await expectEachOnce(rig, ['192.0.2.77']);
    await waitFor('/readyz to be ready again', async () => (await readyz(rig)).status === 200);
    expect(rig.lines.filter((line) => line.startsWith('source forwarded'))).toEqual([
      expect.stringMatching(/source forwarded failing, retrying with backoff: cannot listen on/),
      expect.stringMatching(/source forwarded recovered/),
    ]);
  }, 60_000);

  it('the followed file is removed and written again: its new lines are read once', async () => {
    await rig.start(`sqlite:${join(rig.dir, 'klaxon.db')}`);
    rig.append(bruteForce('198.51.100.20'));
    await waitFor('the first incident', async () => (await rig.incidentsByIp()).get('198.51.100.20'));
    rmSync(rig.log);
    // A follower says so ("no file matches") and keeps looking: the file may come back.
    await waitFor('the source to notice', () => rig.daemon.sources[0]?.status.message !== undefined);
    writeFileSync(rig.log, bruteForce('198.51.100.21'));
    await expectEachOnce(rig, ['198.51.100.20', '198.51.100.21']);
    expect(rig.daemon.sources[0]?.counts.events).toBe(24);
  }, 60_000);
});
