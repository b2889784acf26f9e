import { describe, expect, it } from 'vitest';
import { createReporter } from './reporter.ts';
import { INGEST_TOKEN } from './testdata/ingest-receiver.ts';
import { useReporters } from './testdata/reporters.ts';
import { waitFor } from './testdata/wait-for.ts';

const NOW = Date.parse('2026-11-21T10:00:00.000Z');

const kit = useReporters({ now: () => NOW });
const { errors, reporterFor } = kit;

describe('createReporter', () => {
  it('POSTs short-form events to /api/v1/events as ECS documents with the bearer token', async () => {
    const reporter = reporterFor();
    reporter.report({
      action: 'login_failed',
      user: 'alice',
      ip: '203.0.113.9',
      path: '/login',
      method: 'POST',
      status: 401,
      userAgent: 'curl/8.5',
    });
    await reporter.flush();

    expect(kit.receiver.requests).toHaveLength(1);
    const [request] = kit.receiver.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/api/v1/events', status: 202 });
    expect(request?.headers.authorization).toBe(`Bearer ${INGEST_TOKEN}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.events).toEqual([
      {
        '@timestamp': '2026-11-21T10:00:00.000Z',
        event: { kind: 'event', category: ['authentication'], action: 'login', outcome: 'failure' },
        user: { name: 'alice' },
        source: { ip: '203.0.113.9' },
        service: { name: 'shop-web' },
        url: { path: '/login' },
        http: { request: { method: 'POST' }, response: { status_code: 401 } },
        user_agent: { original: 'curl/8.5' },
      },
    ]);
    expect(reporter.stats()).toMatchObject({ queued: 0, sending: 0, sent: 1, retries: 0 });
  });

  it('sends raw ECS documents with the service and time filled in', async () => {
    const reporter = reporterFor({ url: `${kit.receiver.url}/api/v1/events` });
    reporter.reportEcs({
      'event.action': 'object_id_tampered',
      'source.ip': '198.51.100.7',
      'labels.object_id': '9',
    });
    await reporter.flush();
    expect(kit.receiver.accepted()).toEqual([
      {
        'event.action': 'object_id_tampered',
        'source.ip': '198.51.100.7',
        'labels.object_id': '9',
        '@timestamp': '2026-11-21T10:00:00.000Z',
        service: { name: 'shop-web' },
      },
    ]);
  });

  it('sends a batch as soon as it is full and keeps the rest for the next flush', async () => {
    const reporter = reporterFor({ batchSize: 3 });
    for (let i = 0; i < 7; i++)
      reporter.report({ action: 'access_forbidden', ip: '192.0.2.1', user: `u${i}` });
    await waitFor(() => reporter.stats().sent === 6);
    expect(kit.receiver.requests.map((request) => request.events.length)).toEqual([3, 3]);
    expect(reporter.stats()).toMatchObject({ queued: 1, sending: 0 });

    await reporter.flush();
    expect(kit.receiver.requests.map((request) => request.events.length)).toEqual([3, 3, 1]);
    const users = kit.receiver.accepted().map((event) => (event['user'] as { name: string }).name);
    expect(users).toEqual(['u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6']);
  });

  it('sends a partial batch on the flush interval without being asked', async () => {
    const reporter = reporterFor({ flushIntervalMs: 20 });
    reporter.report({ action: 'csrf_token_invalid', ip: '192.0.2.1' });
    await waitFor(() => reporter.stats().sent === 1);
    expect(kit.receiver.accepted()).toHaveLength(1);
  });

  it('splits batches to stay within the 1 MiB request limit', async () => {
    const reporter = reporterFor();
    const message = 'x'.repeat(400_000);
    for (let i = 0; i < 5; i++) reporter.reportEcs({ message, 'event.sequence': i });
    await reporter.flush();
    expect(kit.receiver.requests.map((request) => request.events.length)).toEqual([2, 2, 1]);
    expect(
      kit.receiver.requests.every((request) => request.status === 202 && request.bytes <= 1024 * 1024),
    ).toBe(true);
    expect(kit.receiver.accepted().map((event) => event['event.sequence'])).toEqual([0, 1, 2, 3, 4]);
  });

  it('resolves flush() at once when nothing is queued', async () => {
    await reporterFor().flush();
    expect(kit.receiver.requests).toHaveLength(0);
  });

  it('refuses events it cannot send through onError, never by throwing', async () => {
    const reporter = reporterFor();
    const cyclic: Record<string, unknown> = { 'event.action': 'x' };
    cyclic['self'] = cyclic;
    const bad: unknown[] = [
      { action: 'login', ip: '192.0.2.1' },
      { action: 'login_failed', ip: 'not-an-address' },
      undefined,
    ];
    for (const event of bad) expect(() => reporter.report(event as never)).not.toThrow();
    expect(() => reporter.reportEcs(cyclic)).not.toThrow();
    expect(() => reporter.reportEcs({ message: 'y'.repeat(1024 * 1024) })).not.toThrow();
    reporter.report({ action: 'login_succeeded', ip: '192.0.2.1', user: 'alice' });
    await reporter.flush();

    expect(kit.receiver.accepted()).toHaveLength(1);
    expect(errors.map((error) => [error.kind, error.dropped])).toEqual(Array(5).fill(['invalid', 1]));
    expect(errors[1]?.message).toMatch(/"ip" must be an IPv4 or IPv6 address/);
    expect(errors[3]?.message).toMatch(/cannot be serialized/);
    expect(errors[4]?.message).toMatch(/above the 1 MiB request limit/);
    expect(reporter.stats().dropped.invalid).toBe(5);
  });

  it('keeps reporting when onError itself throws', async () => {
    const reporter = reporterFor({
      onError: () => {
        throw new Error('logger down');
      },
    });
    expect(() => reporter.report({ action: 'nope' } as never)).not.toThrow();
    reporter.report({ action: 'access_forbidden', ip: '192.0.2.1' });
    await reporter.flush();
    expect(kit.receiver.accepted()).toHaveLength(1);
  });

  it('flushes on close() and drops, once told, what is reported afterwards', async () => {
    const reporter = reporterFor();
    for (let i = 0; i < 4; i++) reporter.report({ action: 'access_forbidden', ip: '192.0.2.1' });
    await reporter.close();
    expect(kit.receiver.accepted()).toHaveLength(4);

    reporter.report({ action: 'access_forbidden', ip: '192.0.2.1' });
    reporter.report({ action: 'access_forbidden', ip: '192.0.2.1' });
    await reporter.flush();
    expect(kit.receiver.accepted()).toHaveLength(4);
    expect(reporter.stats().dropped.closed).toBe(2);
    expect(errors.map((error) => error.kind)).toEqual(['closed']);
  });
});

describe('createReporter options', () => {
  it.each([
    [{ batchSize: 0 }, /"batchSize" must be an integer from 1 to 1000/],
    [{ batchSize: 1001 }, /"batchSize"/],
    [{ flushIntervalMs: -1 }, /"flushIntervalMs"/],
    [{ maxQueue: 1.5 }, /"maxQueue"/],
    [{ url: 'klaxon.internal' }, /"url" \(or \$KLAXON_URL\) must be an absolute http\(s\) URL/],
    [{ url: 'ftp://klaxon.internal/' }, /"url" must use http or https/],
    [{ url: 'https://ingest:hunter2@klaxon.internal/' }, /"url" must not carry credentials/],
    [{ token: '' }, /"token"/],
    [{ token: 'kx_secret_value\r\nX-Evil: 1' }, /"token"/],
    [{ service: ' ' }, /"service"/],
  ])('refuses %j with an error naming the option', (override, message) => {
    const options = {
      url: 'https://klaxon.internal',
      token: 'kx_secret_value',
      service: 'shop',
      ...override,
    };
    expect(() => createReporter(options)).toThrow(message);
    try {
      createReporter(options);
    } catch (error) {
      expect(String(error)).not.toContain('kx_secret_value');
      expect(String(error)).not.toContain('hunter2');
    }
  });
});
