import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { syslogSource } from './index.ts';
import { syslogSourceConfigSchema } from './schema.ts';
import { createSyslogSource } from './syslog-source.ts';
import { cappedSleep, RecordingSink, waitUntil } from './testdata/recording-sink.ts';
import { runSource, startSource } from './testdata/run-source.ts';
import { tcpClient, tryConnect, udpClient, write } from './testdata/send.ts';
import { RFC3164_ACCEPTED, RFC3164_FAILED, RFC5424_FAILED } from './testdata/sshd-lines.ts';

function config(listen: string) {
  return syslogSourceConfigSchema.parse({ type: 'syslog', listen });
}

describe('syslog source lifecycle', () => {
  it('reports a taken TCP port as failing, retries with backoff and goes live once it is free', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const { port } = blocker.address() as AddressInfo;
    const sleeps: number[] = [];
    const { source, sink, stop } = startSource(
      { listen: `tcp://127.0.0.1:${port}` },
      cappedSleep(10, sleeps),
    );

    await waitUntil(() => sleeps.length >= 3, 'three bind attempts');
    expect(sink.statuses[0]).toEqual({ state: 'starting' });
    expect(sink.statuses[1]).toEqual({
      state: 'failing',
      message: `cannot listen on tcp://127.0.0.1:${port}: address in use`,
    });
    expect(sleeps.slice(0, 3)).toEqual([1_000, 2_000, 4_000]);
    expect(source.address()).toBeUndefined();

    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    await waitUntil(() => sink.lastStatus()?.state === 'live', 'the source to go live');
    expect(source.address()).toEqual({ protocol: 'tcp', host: '127.0.0.1', port });
    await stop();
  });

  it('reports a taken UDP port as failing', async () => {
    const blocker = createSocket('udp4');
    await new Promise<void>((resolve) => blocker.bind(0, '127.0.0.1', resolve));
    const { port } = blocker.address();
    const { sink, stop } = startSource({ listen: `udp://127.0.0.1:${port}` }, cappedSleep(10));
    await waitUntil(() => sink.lastStatus()?.state === 'failing', 'a failing status');
    expect(sink.lastStatus()?.message).toBe(`cannot listen on udp://127.0.0.1:${port}: address in use`);
    await stop();
    blocker.close();
  });

  it('stops retrying when aborted while the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen({ host: '127.0.0.1', port: 0 }, resolve));
    const { port } = blocker.address() as AddressInfo;
    // The real backoff (1 s, 2 s, ...): the abort must cut the wait short.
    const { sink, stop } = startSource({ listen: `tcp://127.0.0.1:${port}` }, cappedSleep(60_000));
    await waitUntil(() => sink.lastStatus()?.state === 'failing', 'a failing status');
    await stop();
    expect(sink.statuses.map((status) => status.state)).toEqual(['starting', 'failing']);
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  });

  it('on abort stops listening and closes connections at once, even while a delivery is pending', async () => {
    const { source, sink, port, stop } = await runSource({ listen: 'tcp://127.0.0.1:0' });
    sink.hold();
    const { socket, closed } = await tcpClient(port);
    await write(socket, `${RFC3164_FAILED}\n`);
    await waitUntil(() => sink.batches.length === 1, 'the first delivery');

    const stopped = stop();
    await closed;
    expect(await tryConnect(port)).toBe('ECONNREFUSED');
    expect(source.address()).toBeUndefined();
    await stopped;
    expect(sink.lines()).toEqual([RFC3164_FAILED]);
    expect(source.stats().connections).toBe(0);
  });

  it('on abort delivers the messages it holds, returns and frees the port', async () => {
    const first = await runSource({ listen: 'udp://127.0.0.1:0' });
    first.sink.hold();
    const client = udpClient(first.port);
    await client.send(RFC3164_FAILED);
    await waitUntil(() => first.sink.batches.length === 1, 'the first delivery');
    await client.send(RFC5424_FAILED);
    await client.send(RFC3164_ACCEPTED);
    await waitUntil(() => first.source.stats().messages === 3, 'the messages behind it');
    await first.stop();
    expect(first.sink.lines()).toEqual([RFC3164_FAILED, RFC5424_FAILED, RFC3164_ACCEPTED]);

    const second = await runSource({ listen: `udp://127.0.0.1:${first.port}` });
    await client.send(RFC3164_ACCEPTED);
    client.close();
    await waitUntil(() => second.sink.lines().length === 1, 'one message on the second run');
    await second.stop();
  });

  it('returns at once when started with an aborted signal', async () => {
    const source = createSyslogSource('edge', config('udp://127.0.0.1:0'), { sleep: cappedSleep(10) });
    const sink = new RecordingSink();
    await source.run(sink, AbortSignal.abort());
    expect(sink.statuses).toEqual([]);
  });

  it('is declared as the syslog source type, with the extras on what it creates', () => {
    expect(syslogSource.type).toBe('syslog');
    const created = syslogSource.create(
      'edge',
      config('tcp://127.0.0.1:0'),
      {},
      {
        resumeFrom: undefined,
        now: Date.now,
        sleep: cappedSleep(10),
        fetch: globalThis.fetch,
      },
    );
    expect(created).toMatchObject({ name: 'edge', type: 'syslog' });
    expect(
      createSyslogSource('edge', config('tcp://127.0.0.1:0'), { sleep: cappedSleep(10) }).address(),
    ).toBeUndefined();
    expect(() =>
      createSyslogSource(
        'edge',
        { ...config('tcp://127.0.0.1:0'), listen: 'tcp://nowhere' },
        { sleep: cappedSleep(10) },
      ),
    ).toThrow('source edge: listen must be udp://HOST:PORT or tcp://HOST:PORT');
  });
});
