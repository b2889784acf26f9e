import { afterEach, describe, expect, it } from 'vitest';
import { sshdParser } from '../../parsers/index.ts';
import { getField } from '../../core/index.ts';
import type { SecurityEvent } from '../../core/index.ts';
import { waitUntil } from './testdata/recording-sink.ts';
import { runSource } from './testdata/run-source.ts';
import type { RunningSource } from './testdata/run-source.ts';
import { udpClient } from './testdata/send.ts';
import { RFC3164_ACCEPTED, RFC3164_FAILED, RFC5424_FAILED } from './testdata/sshd-lines.ts';

let running: RunningSource | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('syslog source over UDP', () => {
  it('hands on RFC 3164 and RFC 5424 datagrams as lines from the peer, with no position', async () => {
    running = await runSource({ listen: 'udp://127.0.0.1:0' });
    const { sink, source, port } = running;
    expect(port).toBeGreaterThan(0);
    expect(sink.statuses.map((status) => status.state)).toEqual(['starting', 'live']);
    expect(sink.lastStatus()?.message).toBe(`listening on udp://127.0.0.1:${port}`);

    const client = udpClient(port);
    await client.send(`${RFC3164_FAILED}\n`);
    await client.send(RFC5424_FAILED);
    await client.send(`${RFC3164_ACCEPTED}\r\n`);
    client.close();
    await waitUntil(() => sink.lines().length === 3, 'three messages');

    expect(sink.lines()).toEqual([RFC3164_FAILED, RFC5424_FAILED, RFC3164_ACCEPTED]);
    for (const batch of sink.batches)
      expect(batch).toMatchObject({ kind: 'lines', input: 'udp://127.0.0.1', position: null });
    expect(source.stats()).toMatchObject({ messages: 3, cut: 0, dropped: 0 });
    expect(source.stats().bytes).toBe(
      Buffer.byteLength(`${RFC3164_FAILED}\n${RFC5424_FAILED}${RFC3164_ACCEPTED}\r\n`),
    );
  });

  it('delivers lines the sshd parser reads as failed and accepted logins', async () => {
    running = await runSource({ listen: 'udp://127.0.0.1:0' });
    const client = udpClient(running.port);
    for (const line of [RFC3164_FAILED, RFC5424_FAILED, RFC3164_ACCEPTED]) await client.send(line);
    client.close();
    await waitUntil(() => running?.sink.lines().length === 3, 'three messages');

    const parser = sshdParser.create({ year: 2025 });
    const events: SecurityEvent[] = [];
    for (const line of running.sink.lines()) parser.parseLine(line, (event) => events.push(event));
    expect(
      events.map((event) =>
        ['event.outcome', 'source.ip', 'user.name'].map((field) => getField(event, field)),
      ),
    ).toEqual([
      ['failure', '203.0.113.9', 'admin'],
      ['failure', '203.0.113.9', 'root'],
      ['success', '198.51.100.7', 'deploy'],
    ]);
  });

  it('listens on IPv6 and names the peer in brackets', async () => {
    running = await runSource({ listen: 'udp://[::1]:0' });
    expect(running.source.address()).toEqual({ protocol: 'udp', host: '::1', port: running.port });
    const client = udpClient(running.port, '::1');
    await client.send(RFC3164_FAILED);
    client.close();
    await waitUntil(() => running?.sink.lines().length === 1, 'one message');
    expect(running.sink.batches[0]).toMatchObject({ input: 'udp://[::1]', lines: [RFC3164_FAILED] });
  });

  it('cuts a datagram longer than max_message_bytes and counts it', async () => {
    running = await runSource({ listen: 'udp://127.0.0.1:0', max_message_bytes: 512 });
    const long = `${RFC3164_FAILED} ${'A'.repeat(2000)}`;
    const client = udpClient(running.port);
    await client.send(long);
    await client.send(RFC3164_ACCEPTED);
    client.close();
    await waitUntil(() => running?.sink.lines().length === 2, 'two messages');
    expect(running.sink.lines()).toEqual([long.slice(0, 512), RFC3164_ACCEPTED]);
    expect(running.source.stats()).toMatchObject({ messages: 2, cut: 1 });
  });

  it('batches messages that arrive while the pipeline is busy', async () => {
    running = await runSource({ listen: 'udp://127.0.0.1:0' });
    const { sink, source } = running;
    sink.hold();
    const client = udpClient(running.port);
    await client.send('<38>first');
    await waitUntil(() => sink.batches.length === 1, 'the first delivery');
    for (let i = 0; i < 100; i += 1) await client.send(`<38>message ${i}`);
    client.close();
    await waitUntil(() => source.stats().messages === 101, 'all datagrams to arrive');
    sink.release();
    await waitUntil(() => sink.lines().length === 101, 'all messages delivered');
    expect(sink.batches.map((batch) => (batch.kind === 'lines' ? batch.lines.length : 0))).toEqual([1, 100]);
  });

  it('drops and counts datagrams beyond its queue while the pipeline is stuck', async () => {
    running = await runSource({ listen: 'udp://127.0.0.1:0' });
    const { sink, source } = running;
    sink.hold();
    const client = udpClient(running.port);
    await client.send('<38>first');
    await waitUntil(() => sink.batches.length === 1, 'the first delivery');
    // Bursts small enough for the kernel's receive buffer, so only the source can drop anything.
    let sent = 1;
    while (source.stats().dropped < 5 && sent < 12_000) {
      for (let i = 0; i < 200; i += 1, sent += 1) await client.send(`<38>message ${sent}`);
      await waitUntil(() => source.stats().messages === sent, `${sent} datagrams to arrive`);
    }
    client.close();
    const { messages, dropped } = source.stats();
    expect(dropped).toBeGreaterThanOrEqual(5);
    sink.release();
    await waitUntil(() => sink.lines().length === messages - dropped, 'every queued message delivered');
    expect(messages - dropped).toBe(1 + 10_000);
  });
});
