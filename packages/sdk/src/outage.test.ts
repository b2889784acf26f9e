import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fileSpool } from './file-spool.ts';
import type { Reporter } from './reporter.ts';
import type { ReporterOptions } from './reporter-options.ts';
import { useReporters } from './testdata/reporters.ts';

const START = Date.parse('2026-11-21T10:00:00.000Z');
const OUTAGE_MS = 5 * 60_000;

const kit = useReporters();
let dir: string;
let clock: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'klaxon-spool-'));
  kit.closeAfter(async () => rmSync(dir, { recursive: true, force: true }));
  clock = START;
});

/**
 * Klaxon is unreachable (connection refused, as undici reports it) for five minutes of the injected
 * clock; each retry wait moves that clock on instead of sleeping.
 */
function reporterFor(drops: [number, string][], options: Partial<ReporterOptions> = {}): Reporter {
  return kit.reporterFor({
    batchSize: 10,
    maxQueue: 20,
    now: () => clock,
    random: () => 0.5,
    sleep: async (ms) => {
      clock += ms;
    },
    fetch: async (input, init) => {
      if (clock < START + OUTAGE_MS) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
      return fetch(input, init);
    },
    onError: () => {},
    onDrop: (count, reason) => drops.push([count, reason]),
    ...options,
  });
}

const report = (reporter: Reporter, from: number, to: number): void => {
  for (let i = from; i < to; i++)
    reporter.report({ action: 'login_failed', ip: '203.0.113.9', user: `u${i}` });
};
const busy = (reporter: Reporter): boolean => {
  const { spooled, queued, sending } = reporter.stats();
  return spooled + queued + sending > 0;
};
const users = (events: Record<string, unknown>[]) =>
  events.map((event) => (event['user'] as { name: string }).name);

describe('a five-minute Klaxon outage', () => {
  it('without a spool, drops events only as counted and told, with the reason in plain words', async () => {
    const drops: [number, string][] = [];
    const reporter = reporterFor(drops);
    report(reporter, 0, 30);
    await reporter.flush();
    // Two batches of ten retried for about two minutes each, and ten pushed out of the full queue.
    expect(clock - START).toBeLessThan(OUTAGE_MS);
    expect(reporter.dropped).toBe(30);
    expect(drops.reduce((sum, [count]) => sum + count, 0)).toBe(30);
    expect(drops.map(([, reason]) => reason)).toEqual([
      'the in-memory queue was full (20 events) and no spool could take more, so the 10 oldest events were dropped',
      expect.stringMatching(
        /^Klaxon could not be reached, so 10 events were dropped \(after 10 attempts: network error \(ECONNREFUSED\)\)$/,
      ),
      expect.stringMatching(/^Klaxon could not be reached, so 10 events were dropped/),
    ]);
    clock = START + OUTAGE_MS;
    report(reporter, 30, 35);
    await reporter.flush();
    expect(users(kit.receiver.accepted())).toEqual(['u30', 'u31', 'u32', 'u33', 'u34']);
    expect(reporter.dropped).toBe(30);
  });

  it('with the file spool, loses nothing and replays the spool after an application restart', async () => {
    const drops: [number, string][] = [];
    const before = reporterFor(drops, { spool: fileSpool({ dir }) });
    report(before, 0, 30);
    await before.flush();
    expect(before.stats()).toMatchObject({ queued: 0, sent: 0, spooled: 30 });
    await before.close();
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    expect(kit.receiver.accepted()).toEqual([]);

    clock = START + OUTAGE_MS;
    const after = reporterFor(drops, { spool: fileSpool({ dir }) });
    // Replayed half a queue at a time, the next part after each delivered batch.
    for (let round = 0; round < 10 && busy(after); round++) await after.flush();
    expect(users(kit.receiver.accepted()).sort()).toEqual(
      Array.from({ length: 30 }, (_, i) => `u${i}`).sort(),
    );
    expect(before.dropped + after.dropped).toBe(0);
    expect(drops).toEqual([]);
    expect(after.stats().spooled).toBe(0);
  });

  it('sends spooled events on the flush interval once Klaxon is back, with no new events needed', async () => {
    const drops: [number, string][] = [];
    const reporter = reporterFor(drops, { spool: fileSpool({ dir }), flushIntervalMs: 20 });
    report(reporter, 0, 30);
    await reporter.flush();
    expect(reporter.stats().spooled).toBeGreaterThan(0);
    clock = START + OUTAGE_MS;
    await kit.receiver.waitForAccepted(30);
    expect(reporter.dropped).toBe(0);
  });

  it('counts events the full spool refuses as dropped', async () => {
    const drops: [number, string][] = [];
    const reporter = reporterFor(drops, { spool: fileSpool({ dir, maxBytes: 2000 }) });
    report(reporter, 0, 30);
    await reporter.flush();
    const kept = reporter.stats().spooled;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(30);
    expect(reporter.dropped).toBe(30 - kept);
    expect(drops.reduce((sum, [count]) => sum + count, 0)).toBe(30 - kept);
  });
});
