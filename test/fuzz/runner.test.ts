import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectThat, runTarget } from './runner.ts';
import type { FuzzTarget } from './runner.ts';

// The fuzz runner must see what it is there to see: a throw, a broken property, a slow input,
// a polluted prototype. Time comes from a fake clock that the check advances.

function target(check: (input: number, clock: { ms: number }) => void): {
  target: FuzzTarget<number>;
  now: () => number;
} {
  const clock = { ms: 0 };
  return {
    now: () => clock.ms,
    target: {
      name: 'self-test',
      arbitrary: fc.integer({ min: 0, max: 9 }),
      pending: [{ what: 'tens', owner: 'nobody', arbitrary: fc.integer({ min: 10, max: 19 }) }],
      waivers: [{ kind: 'crash', what: 'sevens', owner: 'nobody', applies: (input) => input === 7 }],
      start: () => ({ check: (input) => check(input, clock) }),
    },
  };
}

describe('runTarget', () => {
  it('counts crashes, violations, slow inputs and waived crashes, and keeps examples', async () => {
    const seen: number[] = [];
    const { target: subject, now } = target((input, clock) => {
      seen.push(input);
      if (input === 1 || input === 7) throw new TypeError(`boom ${input}`);
      expectThat(input !== 2, 'two is not allowed');
      if (input === 3) clock.ms += 150; // slow on every try
    });
    const report = await runTarget(subject, { runs: 300, seed: 1, now });
    const count = (value: number) => seen.filter((input) => input === value).length;
    expect(report.tried).toBe(300);
    expect(report.crashes).toBe(count(1));
    expect(report.waived).toBe(count(7));
    expect(report.violations).toBe(count(2));
    expect(report.slow).toBe(count(3) / 3); // each slow input is tried three times
    expect(report.examples[0]?.message).toMatch(/^(TypeError: boom|PropertyViolation: two)/);
  });

  it('does not call an input slow when one of its retries is fast', async () => {
    let calls = 0;
    const { target: subject, now } = target((_input, clock) => {
      if (calls++ % 3 === 0) clock.ms += 500;
    });
    const report = await runTarget(subject, { runs: 50, seed: 2, now });
    expect(report.slow).toBe(0);
    expect(report.slowestMs).toBe(500);
  });

  it('reports prototype pollution and puts the prototype back', async () => {
    const { target: subject, now } = target((input) => {
      if (input === 4) (Object.prototype as Record<string, unknown>).polluted = true;
    });
    const report = await runTarget(subject, { runs: 100, seed: 3, now });
    expect(report.violations).toBeGreaterThan(0);
    expect(report.examples[0]?.message).toContain('Object.prototype.polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('runs only the pending generators in pending mode, without waivers', async () => {
    const seen: number[] = [];
    const { target: subject, now } = target((input) => {
      seen.push(input);
    });
    await runTarget(subject, { runs: 40, seed: 4, mode: 'pending', now });
    expect(seen.every((input) => input >= 10)).toBe(true);
  });
});
