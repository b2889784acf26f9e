import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';
import { createReporter } from './reporter.ts';
import type { ReporterError } from './reporter-error.ts';
import { INGEST_TOKEN } from './testdata/ingest-receiver.ts';
import { useReporters } from './testdata/reporters.ts';

const kit = useReporters();

describe('reporter queue', () => {
  it('drops the oldest events when the queue is full, counts them and says so once', async () => {
    const errors: ReporterError[] = [];
    const reporter = createReporter({
      url: kit.receiver.url,
      token: INGEST_TOKEN,
      service: 'shop-web',
      maxQueue: 5,
      flushIntervalMs: 60_000,
      onError: (error) => errors.push(error),
    });
    for (let i = 0; i < 8; i++)
      reporter.report({ action: 'access_forbidden', ip: '192.0.2.1', user: `u${i}` });
    expect(reporter.stats()).toMatchObject({ queued: 5, dropped: { overflow: 3 } });

    await reporter.close();
    const users = kit.receiver.accepted().map((event) => (event['user'] as { name: string }).name);
    expect(users).toEqual(['u3', 'u4', 'u5', 'u6', 'u7']);
    expect(errors.map((error) => [error.kind, error.dropped])).toEqual([['overflow', 3]]);
    expect(errors[0]?.message).toBe(
      'the in-memory queue was full (5 events) and no spool could take more, so the 3 oldest events were dropped',
    );
  });

  it('lets the process exit with events queued: its timers are unref’ed', async () => {
    const sdk = fileURLToPath(new URL('./index.ts', import.meta.url));
    const script = `
      const { createReporter } = await import(${JSON.stringify(sdk)});
      const reporter = createReporter({ url: ${JSON.stringify(kit.receiver.url)}, token: 't', service: 's', flushIntervalMs: 3600000 });
      reporter.report({ action: 'access_forbidden', ip: '192.0.2.1' });
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: 'ignore',
    });
    const exit = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve(null);
      }, 10_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(exit).toBe(0);
    expect(kit.receiver.requests).toHaveLength(0);
  });
});

describe('EventQueue', () => {
  const event = (seq: number, bytes = 10) => ({ seq, json: 'x'.repeat(bytes), bytes });

  it('takes at most maxCount events and at most maxBytes of JSON array', () => {
    const queue = new EventQueue(100);
    for (let seq = 1; seq <= 5; seq++) queue.push(event(seq));
    // [e1,e2,e3] is 2 + 3 * 10 + 2 = 34 bytes.
    expect(queue.take(10, 34).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(queue.take(1, 1000).map((e) => e.seq)).toEqual([4]);
    expect(queue.firstSeq).toBe(5);
  });

  it('always takes one event even if it alone is above maxBytes', () => {
    const queue = new EventQueue(10);
    queue.push(event(1, 50));
    expect(queue.take(10, 20)).toHaveLength(1);
    expect(queue.length).toBe(0);
  });

  it('stays correct across many pushes and takes', () => {
    const queue = new EventQueue(3000);
    let next = 1;
    let expected = 1;
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 100; i++) queue.push(event(next++));
      const taken = queue.take(90, Infinity);
      expect(taken[0]?.seq).toBe(expected);
      expected += 90;
    }
    expect(queue.length).toBe(500);
    expect(queue.firstSeq).toBe(4501);
  });
});
