import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAttemptCounter } from './count-attempts.ts';
import { createSshdAuth, type AttemptRole } from './sshd-auth.ts';

const auth = (role: AttemptRole, user = 'root') => {
  const value = createSshdAuth('ssh_login', 'failure', role);
  value.user = user;
  return value;
};

describe('createAttemptCounter', () => {
  it('keeps one host’s pids apart from another’s', () => {
    const counts = createAttemptCounter();
    expect(counts(auth('seen'), 'a', 7, 0)).toBe(false);
    expect(counts(auth('trailing'), 'b', 7, 1_000)).toBe(true);
    expect(counts(auth('trailing'), 'a', 7, 1_000)).toBe(false);
  });

  it('pairs a leading report with a Failed line only within 5 s and for the same user', () => {
    const counts = createAttemptCounter();
    expect(counts(auth('leading'), 'h', 1, 0)).toBe(true);
    expect(counts(auth('attempt', 'other'), 'h', 1, 1_000)).toBe(true);
    expect(counts(auth('leading'), 'h', 2, 0)).toBe(true);
    expect(counts(auth('attempt'), 'h', 2, 6_000)).toBe(true);
    expect(counts(auth('leading'), 'h', 3, 0)).toBe(true);
    expect(counts(auth('attempt'), 'h', 3, 5_000)).toBe(false);
  });

  it('remembers at most 10,000 connections, forgetting the oldest first', () => {
    const counts = createAttemptCounter();
    for (let pid = 1; pid <= 10_001; pid++) counts(auth('seen'), 'h', pid, 0);
    expect(counts(auth('trailing'), 'h', 1, 1_000)).toBe(true);
    expect(counts(auth('trailing'), 'h', 10_001, 1_000)).toBe(false);
  });

  it('counts lines without a pid as alone, except those that are no attempt', () => {
    const counts = createAttemptCounter();
    expect(counts(auth('trailing'), 'h', undefined, 0)).toBe(true);
    expect(counts(auth('seen'), 'h', undefined, 0)).toBe(false);
    expect(counts(auth('never'), 'h', 5, 0)).toBe(false);
    expect(counts(auth('alone'), 'h', 5, 0)).toBe(true);
  });
});

describe('createAttemptCounter forgetting', () => {
  it('forgets the oldest pid of the first host that has one, however many were forgotten before', () => {
    // The model: hosts in the order first seen, each with its pids in the order they came (a pid
    // forgotten and seen again comes last). A trailing line counts exactly when its connection is new.
    const line = fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 1, max: 12 }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 400 }), fc.integer({ min: 1, max: 8 }), (lines, max) => {
        const counts = createAttemptCounter(max);
        const model = new Map<string, number[]>();
        let size = 0;
        for (const [host, pid] of lines) {
          const pids = model.get(host) ?? [];
          model.set(host, pids);
          const known = pids.includes(pid);
          if (!known) {
            if (size >= max) {
              for (const held of model.values())
                if (held.length > 0) {
                  held.shift();
                  size--;
                  break;
                }
            }
            pids.push(pid);
            size++;
          }
          expect(counts(auth('trailing'), host, pid, 0)).toBe(!known);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
