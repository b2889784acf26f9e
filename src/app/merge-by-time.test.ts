import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.ts';
import type { EventBatch } from './event-stream.ts';
import { mergeByTime } from './merge-by-time.ts';

/** One stream of events named `label@time`, in batches of `per`. */
async function* stream(source: number, label: string, times: number[], per = 2): AsyncGenerator<EventBatch> {
  for (let i = 0; i < times.length; i += per) {
    const slice = times.slice(i, i + per);
    yield {
      events: slice.map((time) => ({ message: `${label}@${time}` }) as unknown as SecurityEvent),
      times: slice,
      source,
    };
  }
}

async function order(streams: AsyncIterable<EventBatch>[]): Promise<string[]> {
  const seen: string[] = [];
  for await (const batch of mergeByTime(streams))
    for (const event of batch.events) seen.push((event as unknown as { message: string }).message);
  return seen;
}

describe('mergeByTime', () => {
  it('merges by time', async () => {
    expect(await order([stream(0, 'a', [1, 4, 6]), stream(1, 'b', [2, 3, 5])])).toEqual([
      'a@1',
      'b@2',
      'b@3',
      'a@4',
      'b@5',
      'a@6',
    ]);
  });

  it("puts the older file's events of the same time first, whatever the order of the files", async () => {
    const newer = () => stream(0, 'auth.log', [10, 10, 11]);
    const older = () => stream(1, 'auth.log.1', [5, 9, 10, 10]);
    const expected = [
      'auth.log.1@5',
      'auth.log.1@9',
      'auth.log.1@10',
      'auth.log.1@10',
      'auth.log@10',
      'auth.log@10',
      'auth.log@11',
    ];
    expect(await order([newer(), older()])).toEqual(expected);
    expect(await order([older(), newer()])).toEqual(expected);
  });
});
