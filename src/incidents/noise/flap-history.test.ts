import { describe, expect, it } from 'vitest';
import { FLAP_HISTORY_SIZE, FlapHistory, NAGIOS_FLAP_WEIGHTS } from './flap-history.ts';

/** A history holding `states` (oldest first) after the initial all-ok fill has scrolled away. */
function historyOf(states: readonly number[]): FlapHistory {
  const history = new FlapHistory();
  for (const state of states) history.record(state === 1 ? 1 : 0);
  return history;
}

const ALTERNATING = Array.from({ length: FLAP_HISTORY_SIZE }, (_, i) => (i % 2) as 0 | 1);
/** 20 ok, then `changes` states each differing from the one before it. */
const lastChanges = (changes: number) => {
  const states: (0 | 1)[] = [];
  for (let i = 0; i < FLAP_HISTORY_SIZE; i++) {
    const fromEnd = FLAP_HISTORY_SIZE - 1 - i;
    states.push(fromEnd < changes ? (((changes - fromEnd) % 2) as 0 | 1) : 0);
  }
  return states;
};

describe('weighted percent state change', () => {
  // Nagios (base/flapping.c): the change between pair x and x+1 (x = 1 oldest .. 20 newest) weighs
  // 0.75 + (x - 1) * 0.5 / 19, and percent = sum of weights * 100 / 20. By hand:
  //   one change, newest pair:  1.25 * 5 = 6.25
  //   one change, oldest pair:  0.75 * 5 = 3.75
  //   three newest pairs:       1.25 + (0.75 + 18 * 0.5 / 19) + (0.75 + 17 * 0.5 / 19)
  //                             = 1.25 + 1.223684 + 1.197368 = 3.671053  ->  18.355263
  //   every pair (alternating): 20 * 0.75 + 0.5 / 19 * (0 + 1 + ... + 19) = 15 + 5 = 20  ->  100
  it.each([
    { name: 'steady ok', states: Array<0 | 1>(FLAP_HISTORY_SIZE).fill(0), percent: 0 },
    { name: 'steady problem', states: Array<0 | 1>(FLAP_HISTORY_SIZE).fill(1), percent: 0 },
    { name: 'one change, newest', states: lastChanges(1), percent: 6.25 },
    {
      name: 'one change, oldest',
      states: [0, ...Array<0 | 1>(FLAP_HISTORY_SIZE - 1).fill(1)],
      percent: 3.75,
    },
    { name: 'three newest changes', states: lastChanges(3), percent: 18.355263 },
    { name: 'alternating', states: ALTERNATING, percent: 100 },
  ])('gives $percent for $name', ({ states, percent }) => {
    const history = historyOf(states);
    expect(history.list()).toEqual(states);
    expect(history.percentStateChange(NAGIOS_FLAP_WEIGHTS)).toBeCloseTo(percent, 5);
  });

  it('weighs a newer change more than an older one', () => {
    const newer = historyOf([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    const older = historyOf([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(newer.percentStateChange(NAGIOS_FLAP_WEIGHTS)).toBeGreaterThan(
      older.percentStateChange(NAGIOS_FLAP_WEIGHTS),
    );
  });

  it('takes another curve: 0.8 to 1.2 gives 6 for the newest change and 100 alternating', () => {
    const curve = { oldest: 0.8, newest: 1.2 };
    expect(historyOf(lastChanges(1)).percentStateChange(curve)).toBeCloseTo(6, 9);
    expect(historyOf(ALTERNATING).percentStateChange(curve)).toBeCloseTo(100, 9);
  });

  it('starts all ok and keeps only the last 21 states', () => {
    const history = new FlapHistory();
    expect(history.percentStateChange(NAGIOS_FLAP_WEIGHTS)).toBe(0);
    for (let i = 0; i < 100; i++) history.record(1);
    expect(history.list()).toEqual(Array(FLAP_HISTORY_SIZE).fill(1));
  });
});
