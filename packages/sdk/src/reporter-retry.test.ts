import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { beforeEach, describe, expect, it } from 'vitest';
import { useReporters } from './testdata/reporters.ts';
import { waitFor } from './testdata/wait-for.ts';

const NOW = Date.parse('2026-11-21T10:00:00.000Z');
const EVENT = { action: 'login_failed', ip: '203.0.113.9', user: 'alice' } as const;

const waits: number[] = [];
/** Reporters whose retry waits are recorded and skipped, with no jitter (random() = 0.5). */
const kit = useReporters({
  now: () => NOW,
  random: () => 0.5,
  sleep: async (ms) => {
    waits.push(ms);
  },
});
const { errors, reporterFor } = kit;
beforeEach(() => {
  waits.length = 0;
});

describe('createReporter retries', () => {
  it('retries a batch after 503 with exponential backoff until Klaxon takes it', async () => {
    kit.receiver.script({ status: 503 }, { status: 503 }, { status: 502 });
    const reporter = reporterFor();
    reporter.report(EVENT);
    reporter.report(EVENT);
    await reporter.flush();

    expect(kit.receiver.requests.map((request) => request.status)).toEqual([503, 503, 502, 202]);
    expect(kit.receiver.requests.every((request) => request.events.length === 2)).toBe(true);
    expect(waits).toEqual([500, 1000, 2000]);
    expect(reporter.stats()).toMatchObject({ sent: 2, retries: 3, queued: 0, sending: 0 });
    expect(errors).toEqual([]);
  });

  it('waits at least as long as Retry-After says after 429, in seconds or as a date', async () => {
    kit.receiver.script(
      { status: 429, headers: { 'retry-after': '7' } },
      { status: 429, headers: { 'retry-after': new Date(NOW + 30_000).toUTCString() } },
      { status: 503, headers: { 'retry-after': '0' } },
    );
    const reporter = reporterFor();
    reporter.report(EVENT);
    await reporter.flush();

    expect(waits).toEqual([7000, 30_000, 2000]);
    expect(kit.receiver.accepted()).toHaveLength(1);
  });

  it('adds jitter to the backoff within ±20%', async () => {
    kit.receiver.script({ status: 503 }, { status: 503 });
    const reporter = reporterFor({ random: (() => [0, 0.999][waits.length] ?? 0.5) as () => number });
    reporter.report(EVENT);
    await reporter.flush();
    expect(waits[0]).toBe(400);
    expect(waits[1]).toBeGreaterThan(1190);
    expect(waits[1]).toBeLessThanOrEqual(1200);
  });

  it('does not retry a 400 and tells onError why, with the fields Klaxon named', async () => {
    kit.receiver.script({
      status: 400,
      body: {
        error: 'invalid_events',
        message: '1 event is invalid',
        details: [{ index: 1, field: 'source.ip', message: 'not an IP address' }],
      },
    });
    const reporter = reporterFor();
    reporter.report(EVENT);
    reporter.report(EVENT);
    await reporter.flush();

    expect(kit.receiver.requests).toHaveLength(1);
    expect(waits).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      name: 'ReporterError',
      kind: 'rejected',
      status: 400,
      dropped: 2,
      details: [{ index: 1, field: 'source.ip', message: 'not an IP address' }],
    });
    expect(errors[0]?.message).toBe(
      'Klaxon refused 2 events: HTTP 400 Bad Request: invalid_events: 1 event is invalid',
    );
    expect(reporter.stats().dropped.rejected).toBe(2);

    reporter.report(EVENT);
    await reporter.flush();
    expect(kit.receiver.accepted()).toHaveLength(1);
  });

  it.each([
    [403, /token lacks the ingest scope/],
    [413, /lower batchSize/],
    [415, /content type/],
  ])('drops the batch at once on %i', async (status, hint) => {
    kit.receiver.script({ status });
    const reporter = reporterFor();
    reporter.report(EVENT);
    await reporter.flush();
    expect(kit.receiver.requests).toHaveLength(1);
    expect(errors.map((error) => [error.kind, error.status])).toEqual([['rejected', status]]);
    expect(errors[0]?.message).toMatch(hint);
  });

  it('drops the batch on 401 without ever quoting the token', async () => {
    const token = 'kx_wrong_token_c0ffee';
    const reporter = reporterFor({ token });
    reporter.report(EVENT);
    await reporter.flush();
    expect(kit.receiver.requests.map((request) => request.status)).toEqual([401]);
    expect(errors[0]?.message).toMatch(
      /HTTP 401 Unauthorized: unauthorized: the token is missing or unknown/,
    );
    expect(JSON.stringify({ ...errors[0], message: errors[0]?.message })).not.toContain(token);
  });

  it('retries network errors and gives up after maxAttempts, telling onError', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    const reporter = reporterFor({ url: `http://127.0.0.1:${port}`, retry: { maxAttempts: 3 } });
    reporter.report(EVENT);
    await reporter.flush();
    expect(waits).toEqual([500, 1000]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ kind: 'gave-up', dropped: 1 });
    expect(errors[0]?.message).toBe(
      'Klaxon could not be reached, so 1 events were dropped (after 3 attempts: network error (ECONNREFUSED))',
    );
    expect(reporter.stats().dropped.gaveUp).toBe(1);
  });

  it('delivers after a network error once the connection works again', async () => {
    let calls = 0;
    const flaky: typeof fetch = (input, init) => {
      calls++;
      return calls === 1
        ? Promise.reject(new TypeError('fetch failed', { cause: { code: 'ECONNRESET' } }))
        : fetch(input, init);
    };
    const reporter = reporterFor({ fetch: flaky });
    reporter.report(EVENT);
    await reporter.flush();
    expect(calls).toBe(2);
    expect(kit.receiver.accepted()).toHaveLength(1);
    expect(reporter.stats()).toMatchObject({ sent: 1, retries: 1 });
  });

  it('keeps queueing new events while a batch waits to be retried', async () => {
    kit.receiver.script({ status: 503 });
    let wake: (() => void) | undefined;
    const reporter = reporterFor({
      sleep: () => new Promise<void>((resolve) => (wake = resolve)),
    });
    reporter.report({ ...EVENT, user: 'first' });
    const flushed = reporter.flush();
    await waitFor(() => wake !== undefined);
    reporter.report({ ...EVENT, user: 'second' });
    expect(reporter.stats()).toMatchObject({ queued: 1, sending: 1 });
    expect(kit.receiver.requests).toHaveLength(1);

    wake?.();
    await flushed;
    await reporter.flush();
    const users = kit.receiver.accepted().map((event) => (event['user'] as { name: string }).name);
    expect(users).toEqual(['first', 'second']);
  });

  it('stops waiting after closeTimeoutMs when Klaxon keeps failing, and says what was lost', async () => {
    kit.receiver.script(...Array.from({ length: 50 }, () => ({ status: 503 })));
    const reporter = reporterFor({
      closeTimeoutMs: 50,
      // Waits until close() gives up, like the real unref'ed timer would for a long backoff.
      sleep: (_ms, signal) =>
        new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve())),
    });
    reporter.report(EVENT);
    reporter.report(EVENT);
    reporter.report(EVENT);
    void reporter.flush();
    await waitFor(() => kit.receiver.requests.length === 1 && reporter.stats().sending === 3);
    reporter.report(EVENT);
    await reporter.close();
    expect(kit.receiver.requests).toHaveLength(1);
    expect(reporter.stats()).toMatchObject({ queued: 0, sending: 0, sent: 0 });
    expect(reporter.stats().dropped.closed).toBe(4);
    expect(errors.map((error) => [error.kind, error.dropped])).toEqual([['closed', 4]]);
    expect(errors[0]?.message).toEqual(
      expect.stringMatching(
        /^close\(\) ran out of time \(\d+ ms\) with 4 events not delivered; they were dropped$/,
      ),
    );
  });
});
