import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.ts';
import { datasetUrl } from '../../test/support/datasets.ts';
import type { EventBatch } from './event-stream.ts';
import { loadRules } from './load-rules.ts';
import { runReplay } from './replay.ts';
import type { TimeOrder } from './sort-by-time.ts';
import { skipEvents, sortByTime } from './sort-by-time.ts';
import { chooseReorderWindow } from './choose-reorder-window.ts';

const event = (ts: number): SecurityEvent =>
  ({
    '@timestamp': Number.isNaN(ts) ? 'not a time' : new Date(ts).toISOString(),
    event: {},
  }) as SecurityEvent;
const batch = (times: number[]): EventBatch => ({ events: times.map(event), times, source: 0 });
async function* stream(batches: EventBatch[]): AsyncGenerator<EventBatch> {
  yield* batches;
}
async function collect(batches: AsyncIterable<EventBatch>): Promise<number[]> {
  const times: number[] = [];
  for await (const b of batches) times.push(...b.times);
  return times;
}
const fresh = (): TimeOrder => ({ events: 0, outOfOrder: 0, sorted: false, beyondWindow: 0 });

describe('sortByTime', () => {
  it('sorts a file out of order and counts the events earlier than one before them', async () => {
    const order = fresh();
    const times = await collect(sortByTime(stream([batch([5, 1, 3]), batch([2, 9, 4])]), order, Infinity));
    expect(times).toEqual([1, 2, 3, 4, 5, 9]);
    // 1, 3, 2 and 4 each follow the 5.
    expect(order).toEqual({ events: 6, outOfOrder: 4, sorted: true, beyondWindow: 0 });
  });

  it('keeps equal times in file order and events without a time first', async () => {
    const order = fresh();
    const input = batch([2, 1, 2, NaN]);
    const out: EventBatch[] = [];
    for await (const b of sortByTime(stream([input]), order, Infinity)) out.push(b);
    expect(out.flatMap((b) => b.events)).toEqual([3, 1, 0, 2].map((i) => input.events[i]));
    expect(order).toEqual({ events: 4, outOfOrder: 1, sorted: true, beyondWindow: 0 });
  });

  it('with no window, hands events on as they come and counts those out of order', async () => {
    const order = fresh();
    expect(await collect(sortByTime(stream([batch([2, 1]), batch([3, 0])]), order, 0))).toEqual([2, 1, 3, 0]);
    expect(order).toEqual({ events: 4, outOfOrder: 2, sorted: false, beyondWindow: 2 });
  });

  it('leaves a file in order as it is', async () => {
    const order = fresh();
    expect(await collect(sortByTime(stream([batch([1, 2]), batch([2, 3])]), order, Infinity))).toEqual([
      1, 2, 2, 3,
    ]);
    expect(order).toEqual({ events: 4, outOfOrder: 0, sorted: false, beyondWindow: 0 });
  });

  it('moves an event back by at most the window, and counts those further out of place', async () => {
    const order = fresh();
    const times = await collect(sortByTime(stream([batch([3, 1, 4]), batch([5, 2, 6, 0])]), order, 2));
    // Two events held: 1 goes before 3, but 2 arrives after 3 has left, and 0 after 4 has: both
    // are handed on out of order and counted.
    expect(times).toEqual([1, 3, 2, 4, 0, 5, 6]);
    expect(order).toEqual({ events: 7, outOfOrder: 3, sorted: true, beyondWindow: 2 });
  });

  it('skips events after sorting, as a resumed replay counted them', async () => {
    const times = await collect(
      skipEvents(sortByTime(stream([batch([4, 3]), batch([2, 1])]), fresh(), Infinity), 3),
    );
    expect(times).toEqual([4]);
  });
});

describe('chooseReorderWindow', () => {
  const raw = (name: string) => datasetUrl(`windows/evtx-to-mitre-attack/raw/${name}.evtx`).pathname;

  it('reads a file in order as it comes, and sorts a small file out of order whole', async () => {
    expect(await chooseReorderWindow(raw('ID4771-Kerberos_brutforce_with_valid_user'), {})).toBe(0);
    expect(await chooseReorderWindow(raw('ID131-RDP_brutforce_no_user_info'), {})).toBe(Infinity);
    expect(await chooseReorderWindow(raw('ID131-RDP_brutforce_no_user_info'), {}, 1000)).toBe(0);
  });

  it('reads a log format already found as it comes without opening the file again, and still sorts exports', async () => {
    const missing = join(tmpdir(), 'klaxon-no-such-file.log');
    expect(await chooseReorderWindow(missing, {}, undefined, undefined, undefined, 'sshd')).toBe(0);
    const outOfOrder = raw('ID131-RDP_brutforce_no_user_info');
    expect(await chooseReorderWindow(outOfOrder, {}, undefined, undefined, undefined, 'evtx')).toBe(Infinity);
    await expect(
      chooseReorderWindow(missing, {}, undefined, undefined, undefined, 'ndjson'),
    ).rejects.toThrow();
  });
});

describe('replay of files out of time order', () => {
  const rules = loadRules(undefined);
  const dir = mkdtempSync(join(tmpdir(), 'klaxon-order-'));

  it('counts no event of a reversed NDJSON file as late, and reports the sort', async () => {
    // 30 failed Windows logons from one address, one a minute, written newest first: each of the
    // 29 after the first is earlier than it, and 29 would be later than the 2 s tolerance.
    const start = Date.UTC(2024, 2, 4, 10);
    const lines = Array.from({ length: 30 }, (_, i) =>
      JSON.stringify({
        '@timestamp': new Date(start + (29 - i) * 60_000).toISOString(),
        event: { code: '4625', provider: 'Microsoft-Windows-Security-Auditing' },
        winlog: { event_data: { TargetUserName: `user${i}`, IpAddress: '203.0.113.9', LogonType: '3' } },
      }),
    );
    const path = join(dir, 'reversed.ndjson');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const sorted = await runReplay({ inputs: [path], rules: await rules });
    expect(sorted.engine.late).toBe(0);
    expect(sorted.files[0]?.order).toEqual({ events: 30, outOfOrder: 29, sorted: true, beyondWindow: 0 });
    const unsorted = await runReplay({ inputs: [path], rules: await rules, sortMaxBytes: 0 });
    expect(unsorted.engine.late).toBe(29);
  });

  it('sorts the RdpCoreTS export, whose records are not in time order', async () => {
    // 127 of its 154 records are earlier than a record before them. Counted apart from Klaxon with
    // python (python-evtx cannot read this file): the UTF-16 ISO timestamps found between byte 512
    // and the free-space offset of each "ElfChnk" chunk, each compared with the running maximum.
    const path = datasetUrl(
      'windows/evtx-to-mitre-attack/raw/ID131-RDP_brutforce_no_user_info.evtx',
    ).pathname;
    const report = await runReplay({ inputs: [path], rules: await rules });
    expect(report.files[0]?.format).toBe('evtx');
    expect(report.files[0]?.order).toEqual({ events: 154, outOfOrder: 127, sorted: true, beyondWindow: 0 });
    expect(report.engine.late).toBe(0);
    const unsorted = await runReplay({ inputs: [path], rules: await rules, sortMaxBytes: 0 });
    expect(unsorted.engine.late).toBeGreaterThan(0);
  });
});
