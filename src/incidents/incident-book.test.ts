import { describe, expect, it } from 'vitest';
import type { Detection } from '../core/index.ts';
import { IncidentBook } from './index.ts';

const facts = {
  title: 'SSH brute force',
  severity: 'high',
  confidence: 'high',
  attack: ['T1110.001'],
  runbook: 'Block it.',
} as const;

function detection(state: Detection['state'], episodeId: string, count: number, at: number): Detection {
  return {
    state,
    ruleId: 'ssh-brute',
    episodeId,
    group: { 'source.ip': '203.0.113.9' },
    count,
    firstSeen: 0,
    lastSeen: at,
    window: { start: at - 300_000, end: at },
    at,
    samples: [],
  };
}

describe('incident book', () => {
  it('gives each opened episode the next serial and the rule triage', () => {
    const book = new IncidentBook(() => facts);
    const first = book.apply(detection('opened', 'a', 5, 10));
    const second = book.apply(detection('opened', 'b', 5, 20));
    expect([first?.serial, second?.serial]).toEqual([1, 2]);
    expect(first).toMatchObject({
      priority: 'P1',
      title: 'SSH brute force',
      runbook: 'Block it.',
      status: 'open',
    });
    expect(first?.attack).toEqual(['T1110.001']);
  });

  it('keeps count and last seen current and records the resolution', () => {
    const book = new IncidentBook(() => facts);
    book.apply(detection('opened', 'a', 5, 10));
    book.apply(detection('updated', 'a', 9, 50));
    const resolved = book.apply(detection('resolved', 'a', 9, 400));
    expect(resolved).toMatchObject({
      serial: 1,
      count: 9,
      lastSeen: 400,
      status: 'resolved',
      resolvedAt: 400,
    });
    expect(book.list()).toHaveLength(1);
  });

  it('links a new burst to the previous incident of the same rule and group', () => {
    const book = new IncidentBook(() => facts);
    book.apply(detection('opened', 'a', 5, 10));
    book.apply(detection('resolved', 'a', 5, 100));
    expect(book.apply(detection('opened', 'b', 5, 1000))?.previousSerial).toBe(1);
  });

  it('ignores signals of episodes it never saw open', () => {
    expect(new IncidentBook(() => facts).apply(detection('updated', 'zzz', 6, 10))).toBeUndefined();
  });
});

describe('incident book: manual rules', () => {
  const manual = { ...facts, resolve: 'manual' } as const;

  it('keeps a manual incident open when its burst ends, and a new burst goes on in it', () => {
    const book = new IncidentBook(() => manual);
    book.apply(detection('opened', 'a', 5, 10));
    const quiet = book.apply(detection('resolved', 'a', 6, 900));
    expect(quiet).toMatchObject({ status: 'open', quietSince: 900, count: 6 });
    const again = book.apply(detection('opened', 'b', 5, 5_000));
    expect(again?.serial).toBe(1);
    expect(again?.quietSince).toBeUndefined();
    book.apply(detection('updated', 'b', 8, 6_000));
    expect(book.list()).toHaveLength(1);
    expect(book.list()[0]).toMatchObject({ count: 14, lastSeen: 6_000, status: 'open' });
  });
});
