import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from '../email/testdata/self-signed-cert.ts';
import type { TestCertificate } from '../email/testdata/self-signed-cert.ts';
import { sampleNotification } from '../testdata/notifications.ts';
import { renderSyslog } from './render.ts';
import { syslogConfigSchema } from './schema.ts';
import { sendSyslog } from './send.ts';
import { startStreamCollector, startUdpCollector } from './testdata/collectors.ts';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
let tls: TestCertificate;

beforeAll(() => {
  tls = createSelfSignedCertificate();
});
afterAll(() => tls.remove());

function send(
  raw: Record<string, unknown>,
  notification = sampleNotification(),
  signal = new AbortController().signal,
) {
  const config = syslogConfigSchema.parse({ host: '127.0.0.1', hostname: 'klaxon-1', ...raw });
  const payload = renderSyslog(notification, config);
  const result = sendSyslog(payload, {
    config,
    secrets: {},
    fetch,
    signal,
    now: () => NOW,
    idempotencyKey: notification.id,
  });
  return { payload, result };
}

describe('sendSyslog', () => {
  it('sends one RFC 5424 datagram over UDP', async () => {
    const collector = await startUdpCollector();
    try {
      const { payload, result } = send({ transport: 'udp', port: collector.port });
      expect(await result).toEqual({ kind: 'ok' });
      const received = await collector.nextMessage();
      expect(received).toBe(payload.message);
      expect(received).toMatch(/^<163>1 2017-03-30T15:55:03.000Z klaxon-1 klaxon - opened \[klaxon@32473 /);
    } finally {
      await collector.close();
    }
  });

  it('frames messages with their byte length over TCP, multi-byte text included', async () => {
    const collector = await startStreamCollector();
    try {
      const first = send({ transport: 'tcp', port: collector.port, format: 'cef' });
      expect(await first.result).toEqual({ kind: 'ok' });
      const second = send(
        { transport: 'tcp', port: collector.port, format: 'cef' },
        sampleNotification({ id: 'ntf-2', sequence: 18 }),
      );
      expect(await second.result).toEqual({ kind: 'ok' });
      expect(await collector.nextMessage()).toBe(first.payload.message);
      const received = await collector.nextMessage();
      expect(received).toBe(second.payload.message);
      expect(received).toContain('— opened|8|');
    } finally {
      await collector.close();
    }
  });

  it('sends over TLS when the collector certificate is signed by ca_file', async () => {
    const collector = await startStreamCollector({ key: tls.key, cert: tls.cert });
    try {
      const { payload, result } = send({
        host: 'localhost',
        transport: 'tls',
        port: collector.port,
        ca_file: tls.certFile,
      });
      expect(await result).toEqual({ kind: 'ok' });
      expect(await collector.nextMessage()).toBe(payload.message);
    } finally {
      await collector.close();
    }
  });

  it('fails with config when the TLS collector certificate is not trusted', async () => {
    const collector = await startStreamCollector({ key: tls.key, cert: tls.cert });
    try {
      const { result } = send({ host: 'localhost', transport: 'tls', port: collector.port });
      expect(await result).toMatchObject({
        kind: 'fail',
        reason: 'config',
        message: expect.stringMatching(/SELF_SIGNED.*ca_file/),
      });
    } finally {
      await collector.close();
    }
  });

  it('retries with network when no TCP collector listens', async () => {
    const collector = await startStreamCollector();
    await collector.close();
    const { result } = send({ transport: 'tcp', port: collector.port });
    expect(await result).toEqual({
      kind: 'retry',
      reason: 'network',
      message: `cannot reach the syslog collector 127.0.0.1:${collector.port}/tcp (ECONNREFUSED)`,
    });
  });

  it('retries with timeout when the outbox aborts the attempt', async () => {
    const collector = await startStreamCollector();
    const controller = new AbortController();
    try {
      const { result } = send(
        { transport: 'tcp', port: collector.port },
        sampleNotification(),
        controller.signal,
      );
      controller.abort();
      expect(await result).toMatchObject({ kind: 'retry', reason: 'timeout' });
    } finally {
      await collector.close();
    }
  });
});
