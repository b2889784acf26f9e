import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replayCheckpointName } from '../../src/app/replay-checkpoint.ts';
import { openStore } from '../../src/store/index.ts';
import { jsonLines } from '../e2e/run-cli.ts';

const bin = new URL('../../bin/klaxon.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'klaxon-kill-'));

/**
 * A synthetic auth.log long enough to be killed part-way: bursts of failed passwords from
 * rotating addresses all day, some followed by a successful login, so that incidents open,
 * update and resolve throughout the file.
 */
function writeAuthLog(path: string, lines: number): void {
  const start = Date.UTC(2024, 2, 4);
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const at = new Date(start + i * 250);
    const stamp = `Mar ${String(at.getUTCDate()).padStart(2, ' ')} ${at.toISOString().slice(11, 19)}`;
    const attacker = Math.floor(i / 40) % 997;
    const ip = `203.0.${attacker >> 8}.${attacker & 255}`;
    const user = ['root', 'admin', 'oracle', 'deploy', `user${attacker % 50}`][i % 5];
    const message =
      i % 40 === 39 && attacker % 7 === 0
        ? `Accepted password for ${user} from ${ip} port ${20000 + (i % 40000)} ssh2`
        : `Failed password for ${user} from ${ip} port ${20000 + (i % 40000)} ssh2`;
    out.push(`${stamp} bastion sshd[${1000 + (i % 30000)}]: ${message}`);
  }
  writeFileSync(path, `${out.join('\n')}\n`);
}

function replayArgs(log: string, db: string): string[] {
  return [
    bin,
    'replay',
    log,
    '--year',
    '2024',
    '--store',
    `sqlite:${db}`,
    '--checkpoint-every',
    '50ms',
    '--json',
  ];
}

const comparable = (incidents: Array<Record<string, unknown>>) =>
  incidents.map(({ serial, rule, group, count, first_seen, last_seen, opened_at, resolved_at, status }) => ({
    serial,
    rule,
    group,
    count,
    first_seen,
    last_seen,
    opened_at,
    resolved_at,
    status,
  }));

describe('a replay into the store killed with SIGKILL part-way', () => {
  const log = join(dir, 'auth.log');
  writeAuthLog(log, 150_000);

  afterAll(() => {
    spawnSync('rm', ['-rf', dir]);
  });

  it('resumes from its checkpoint and ends with the incidents of an uninterrupted run, no duplicates', async () => {
    const straight = spawnSync(process.execPath, replayArgs(log, join(dir, 'straight.db')), {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(straight.status).toBe(0);
    const expected = comparable(jsonLines(straight.stdout));
    expect(expected.length).toBeGreaterThan(100);

    const killedDb = join(dir, 'killed.db');
    const child = spawn(process.execPath, replayArgs(log, killedDb), { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    let running = true;
    void exited.then(() => (running = false));
    // Kill it once a checkpoint with some incidents is in the store, while it is still running.
    let killedAt: number | undefined;
    while (running && killedAt === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const store = await openStore(`sqlite:${killedDb}`).catch(() => undefined);
      const saved = await store?.checkpoints.load(replayCheckpointName([log])).catch(() => undefined);
      await store?.close();
      const progress = saved
        ? (JSON.parse(saved.data) as { serials: number[]; complete: boolean; positions: number[] })
        : undefined;
      if (progress && !progress.complete && progress.serials.length > 5) {
        child.kill('SIGKILL');
        killedAt = progress.positions[0];
      }
    }
    expect(await exited).toBe('SIGKILL');
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(150_000);

    const resumed = spawnSync(process.execPath, replayArgs(log, killedDb), {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toContain('resumed an interrupted replay');
    expect(comparable(jsonLines(resumed.stdout))).toEqual(expected);

    const stored = spawnSync(
      process.execPath,
      [bin, 'incidents', 'list', '--store', `sqlite:${killedDb}`, '--limit', '100000', '--json'],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      },
    );
    expect(jsonLines(stored.stdout)).toHaveLength(expected.length);
  });
});
