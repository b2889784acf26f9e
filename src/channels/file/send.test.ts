import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../core/index.ts';
import { sampleNotification } from '../testdata/notifications.ts';
import { fileChannel } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'klaxon-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function send(path: string, notification: Notification = sampleNotification()) {
  const config = fileChannel.configSchema.parse({ path });
  return fileChannel.send(fileChannel.render(notification, config), {
    config,
    secrets: {},
    fetch,
    signal: new AbortController().signal,
    now: () => 0,
    idempotencyKey: notification.id,
  });
}

describe('file channel send', () => {
  it('appends one line per notification, creating the folder and a private file', async () => {
    const path = join(dir, 'nested', 'notifications.jsonl');
    expect(await send(path)).toEqual({ kind: 'ok' });
    expect(await send(path, sampleNotification({ id: 'ntf-2', sequence: 18 }))).toEqual({ kind: 'ok' });
    const lines = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; sequence: number });
    expect(lines.map((line) => [line.id, line.sequence])).toEqual([
      ['ntf-42-opened-soc', 17],
      ['ntf-2', 18],
    ]);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('fails with config when the path is a folder', async () => {
    expect(await send(dir)).toEqual({
      kind: 'fail',
      reason: 'config',
      message: `cannot append to ${dir} (EISDIR)`,
    });
  });

  it('fails with config when a parent of the path is a file', async () => {
    const blocker = join(dir, 'blocker');
    writeFileSync(blocker, '');
    expect(await send(join(blocker, 'x.jsonl'))).toMatchObject({
      kind: 'fail',
      reason: 'config',
      message: expect.stringMatching(/\((EEXIST|ENOTDIR)\)$/),
    });
  });
});
