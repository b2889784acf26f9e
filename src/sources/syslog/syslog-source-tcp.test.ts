import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from './testdata/recording-sink.ts';
import { runSource } from './testdata/run-source.ts';
import type { RunningSource } from './testdata/run-source.ts';
import { tcpClient, write } from './testdata/send.ts';
import { RFC3164_ACCEPTED, RFC3164_FAILED, RFC5424_FAILED } from './testdata/sshd-lines.ts';

function octets(message: string): string {
  return `${Buffer.byteLength(message)} ${message}`;
}

let running: RunningSource | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(config: Record<string, unknown> = {}): Promise<RunningSource> {
  running = await runSource({ listen: 'tcp://127.0.0.1:0', ...config });
  return running;
}

describe('syslog source over TCP', () => {
  it('reads octet-counted messages, several in one write', async () => {
    const { sink, source, port } = await start();
    const { socket } = await tcpClient(port);
    await write(socket, [RFC3164_FAILED, RFC5424_FAILED, RFC3164_ACCEPTED].map(octets).join(''));
    await waitUntil(() => sink.lines().length === 3, 'three messages');
    expect(sink.lines()).toEqual([RFC3164_FAILED, RFC5424_FAILED, RFC3164_ACCEPTED]);
    expect(sink.batches[0]).toMatchObject({ kind: 'lines', input: 'tcp://127.0.0.1', position: null });
    expect(source.stats()).toMatchObject({ messages: 3, connections: 1, connectionsAccepted: 1 });
    socket.destroy();
  });

  it('reads LF and CRLF terminated messages', async () => {
    const { sink, port } = await start();
    const { socket } = await tcpClient(port);
    await write(socket, `${RFC3164_FAILED}\n${RFC5424_FAILED}\r\n${RFC3164_ACCEPTED}\n`);
    await waitUntil(() => sink.lines().length === 3, 'three messages');
    expect(sink.lines()).toEqual([RFC3164_FAILED, RFC5424_FAILED, RFC3164_ACCEPTED]);
    socket.destroy();
  });

  it('joins a message split across two writes, in either framing', async () => {
    const { sink, source, port } = await start();
    const { socket } = await tcpClient(port);
    const stream = `${octets(RFC5424_FAILED)}${RFC3164_FAILED}\n`;
    for (const [round, splitAt] of [30, stream.length - 20].entries()) {
      const before = source.stats().bytes;
      await write(socket, stream.slice(0, splitAt));
      await waitUntil(() => source.stats().bytes === before + splitAt, 'the first part to arrive');
      await write(socket, stream.slice(splitAt));
      await waitUntil(() => sink.lines().length === 2 * (round + 1), 'the messages of this round');
    }
    expect(sink.lines()).toEqual([RFC5424_FAILED, RFC3164_FAILED, RFC5424_FAILED, RFC3164_FAILED]);
    socket.destroy();
  });

  it('takes an unterminated last line when the sender closes', async () => {
    const { sink, source, port } = await start();
    const { socket, closed } = await tcpClient(port);
    await write(socket, `${RFC3164_FAILED}\n${RFC3164_ACCEPTED}`);
    socket.end();
    await closed;
    await waitUntil(() => sink.lines().length === 2, 'two messages');
    expect(sink.lines()).toEqual([RFC3164_FAILED, RFC3164_ACCEPTED]);
    await waitUntil(() => source.stats().connections === 0, 'the connection to close');
  });

  it('cuts messages longer than max_message_bytes and goes on with the next', async () => {
    const { sink, source, port } = await start({ max_message_bytes: 256 });
    const long = `${RFC3164_FAILED} ${'A'.repeat(5000)}`;
    const { socket } = await tcpClient(port);
    await write(socket, `${long}\n${RFC3164_ACCEPTED}\n${octets(long)}${octets(RFC5424_FAILED)}`);
    await waitUntil(() => sink.lines().length === 4, 'four messages');
    expect(sink.lines()).toEqual([long.slice(0, 256), RFC3164_ACCEPTED, long.slice(0, 256), RFC5424_FAILED]);
    expect(source.stats()).toMatchObject({ messages: 4, cut: 2, framingErrors: 0 });
    socket.destroy();
  });

  it('closes a connection that sends garbage framing, counts it and keeps serving others', async () => {
    const { sink, source, port } = await start();
    const bad = await tcpClient(port);
    await write(bad.socket, `${RFC3164_FAILED}\n99999999999999 <38>garbage`);
    await bad.closed;
    expect(source.stats()).toMatchObject({ framingErrors: 1 });

    const good = await tcpClient(port);
    await write(good.socket, `${RFC3164_ACCEPTED}\n`);
    await waitUntil(() => sink.lines().length === 2, 'both good messages');
    expect(sink.lines()).toEqual([RFC3164_FAILED, RFC3164_ACCEPTED]);
    good.socket.destroy();
  });

  it('refuses connections beyond max_connections and counts them', async () => {
    const { source, port } = await start({ max_connections: 1 });
    const first = await tcpClient(port);
    await waitUntil(() => source.stats().connections === 1, 'the first connection');
    const second = await tcpClient(port);
    await second.closed;
    expect(source.stats()).toMatchObject({ connections: 1, connectionsAccepted: 1, connectionsRejected: 1 });
    first.socket.destroy();
  });

  it('stops reading from connections while the pipeline is busy, and loses nothing', async () => {
    const { sink, source, port } = await start();
    sink.hold();
    const { socket } = await tcpClient(port);
    await write(socket, `${RFC3164_FAILED}\n`);
    await waitUntil(() => sink.batches.length === 1, 'the first delivery');

    const lines = Array.from(
      { length: 200_000 },
      (_, i) => `<38>Mar 30 16:01:36 web1 sshd[${i}]: message ${i}`,
    );
    socket.write(`${lines.join('\n')}\n`);
    // Nothing is read while the delivery is held: the 6.5 MB wait in the kernel and in the sender.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(source.stats()).toMatchObject({ bytes: RFC3164_FAILED.length + 1, messages: 1 });

    sink.release();
    await waitUntil(() => sink.lines().length === lines.length + 1, 'every message', 20_000);
    expect(sink.lines().slice(1)).toEqual(lines);
    expect(Math.max(...sink.batches.map((batch) => (batch.kind === 'lines' ? batch.lines.length : 0)))).toBe(
      500,
    );
    socket.destroy();
  });
});
