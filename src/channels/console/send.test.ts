import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sampleNotification } from '../testdata/notifications.ts';
import { createConsoleChannel } from './index.ts';

function setup(stream: 'stdout' | 'stderr') {
  const streams = { stdout: new PassThrough(), stderr: new PassThrough() };
  const channel = createConsoleChannel(() => streams);
  const config = channel.configSchema.parse({ stream });
  const send = () =>
    channel.send(channel.render(sampleNotification(), config), {
      config,
      secrets: {},
      fetch,
      signal: new AbortController().signal,
      now: () => 0,
      idempotencyKey: 'ntf-42-opened-soc',
    });
  return { streams, send };
}

describe('console channel send', () => {
  it('writes the message to the configured stream', async () => {
    const { streams, send } = setup('stderr');
    expect(await send()).toEqual({ kind: 'ok' });
    expect(String(streams.stderr.read())).toMatch(/^\[P2\] #42 SSH brute force from one address — opened\n/);
    expect(streams.stdout.read()).toBeNull();
  });

  it('fails with config when the stream is closed', async () => {
    const { streams, send } = setup('stdout');
    streams.stdout.destroy();
    expect(await send()).toEqual({ kind: 'fail', reason: 'config', message: 'stdout is closed' });
  });
});
