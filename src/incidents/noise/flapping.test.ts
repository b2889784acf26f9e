import { describe, expect, it } from 'vitest';
import { Flapping, type FlapObservation } from './flapping.ts';

const MIN = 60_000;
const CHECK = 5 * MIN;

/** Alternates problem/ok every minute (faster than the check interval: no quiet samples between). */
function alternate(flapping: Flapping, key: string, changes: number, start = 0): FlapObservation[] {
  const seen: FlapObservation[] = [];
  for (let i = 0; i < changes; i++) {
    seen.push(flapping.observe(key, i % 2 === 0 ? 'problem' : 'ok', start + i * MIN));
  }
  return seen;
}

describe('flapping', () => {
  // k changes in the k newest pairs sum to 1.25k - k(k-1)/76 (weights fall by 0.5/19 = 1/38 per
  // step back), times 5 for percent: 6.25, 12.37, 18.36, 24.21, 29.93, 35.53, 40.99.
  it('starts flapping on the sixth change of an alternating sequence, at 35.5 %', () => {
    const seen = alternate(new Flapping({ checkIntervalMs: CHECK }), 'k', 7);
    expect(seen.map((o) => Number(o.percent.toFixed(2)))).toEqual([
      6.25, 12.37, 18.36, 24.21, 29.93, 35.53, 40.99,
    ]);
    expect(seen.map((o) => o.transition)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      'started',
      undefined,
    ]);
    expect(seen.map((o) => o.flapping)).toEqual([false, false, false, false, false, true, true]);
  });

  it('stays not flapping between the thresholds (29.9 % is below the high 30)', () => {
    const flapping = new Flapping({ checkIntervalMs: CHECK });
    const [last] = alternate(flapping, 'k', 5).slice(-1);
    expect(last).toMatchObject({ flapping: false });
    expect(last?.percent).toBeGreaterThan(20);
  });

  it('keeps flapping between the thresholds and stops only at or below the low one', () => {
    const flapping = new Flapping({ checkIntervalMs: CHECK });
    alternate(flapping, 'k', 6); // last change, to ok, at 5 min; flapping at 35.53 %
    // Each quiet check shifts the six changes one pair older (-6/38 each) until the oldest drop out:
    // after 14 checks 24.47 %, after 15: pairs 15..19 only = (6.25 - 85/38) * 5 = 20.07 %, after 16: 15.79 %.
    expect(flapping.tick(5 * MIN + 14 * CHECK)).toEqual([]);
    expect(flapping.isFlapping('k')).toBe(true);
    expect(flapping.tick(5 * MIN + 16 * CHECK - 1)).toEqual([]);
    const [stopped] = flapping.tick(5 * MIN + 16 * CHECK);
    expect(stopped).toMatchObject({ key: 'k', transition: 'stopped', flapping: false, suppressed: 0 });
    expect(stopped?.percent).toBeCloseTo(15.789, 3);
  });

  it('reports the signals suppressed while flapping when it stops', () => {
    const flapping = new Flapping({ checkIntervalMs: CHECK });
    alternate(flapping, 'k', 6);
    for (let i = 0; i < 4; i++) flapping.recordSuppressed('k');
    const [stopped] = flapping.tick(5 * MIN + 16 * CHECK);
    expect(stopped?.suppressed).toBe(4);
  });

  it('ends flapping on the next change after a long quiet time, before counting the change', () => {
    const flapping = new Flapping({ checkIntervalMs: CHECK });
    alternate(flapping, 'k', 6);
    const next = flapping.observe('k', 'problem', 5 * MIN + 16 * CHECK);
    expect(next).toMatchObject({ transition: 'stopped', flapping: false });
  });

  it('takes no sample for a repeated state: updates of an open incident do not dilute the history', () => {
    const flapping = new Flapping({ checkIntervalMs: CHECK });
    alternate(flapping, 'k', 5);
    const before = flapping.observe('k', 'problem', 4 * MIN + 1).percent;
    for (let i = 0; i < 50; i++) flapping.observe('k', 'problem', 4 * MIN + 2 + i);
    expect(flapping.observe('k', 'problem', 4 * MIN + 100).percent).toBe(before);
  });

  it('samples a held state once per check interval', () => {
    const flapping = new Flapping({ checkIntervalMs: CHECK });
    flapping.observe('k', 'problem', 0); // newest pair: 6.25
    expect(flapping.observe('k', 'problem', CHECK - 1).percent).toBeCloseTo(6.25, 9);
    // One quiet sample: the change moves one pair back, 1.25 - 1/38.
    expect(flapping.observe('k', 'problem', CHECK).percent).toBeCloseTo((1.25 - 1 / 38) * 5, 9);
  });

  it('keys are independent', () => {
    const flapping = new Flapping({ checkIntervalMs: CHECK });
    alternate(flapping, 'a', 6);
    expect(flapping.isFlapping('a')).toBe(true);
    expect(flapping.observe('b', 'problem', 6 * MIN)).toMatchObject({ flapping: false, percent: 6.25 });
  });

  it('forgets a key once its whole history is ok again', () => {
    const flapping = new Flapping({ checkIntervalMs: CHECK });
    flapping.observe('k', 'problem', 0);
    flapping.observe('k', 'ok', MIN);
    flapping.observe('open', 'problem', 0);
    // The problem state is 2nd newest of 21; 19 quiet samples make it the oldest, the 20th drops it.
    flapping.tick(MIN + 19 * CHECK);
    expect(flapping.size).toBe(2);
    flapping.tick(MIN + 20 * CHECK);
    expect(flapping.size).toBe(1);
  });

  it('keeps nothing for a key first seen ok', () => {
    const flapping = new Flapping({ checkIntervalMs: CHECK });
    expect(flapping.observe('k', 'ok', 0)).toEqual({ key: 'k', percent: 0, flapping: false });
    expect(flapping.size).toBe(0);
  });

  it.each([{ options: { lowThreshold: 40, highThreshold: 30 } }, { options: { checkIntervalMs: 0 } }])(
    'refuses options that cannot work: $options',
    ({ options }) => {
      expect(() => new Flapping(options)).toThrow(RangeError);
    },
  );
});
