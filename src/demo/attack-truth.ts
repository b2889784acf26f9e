import type { AttackTruth } from './scenario-truth.ts';

/** One attack event reduced to what the truth counts. */
export interface CountedEvent {
  at: number;
  /** Breakdown key: sshd `Failed`/`Invalid`/`Accepted`, Windows event code, app action. */
  key: string;
  failure: boolean;
  /** Events the line stands for (sshd `message repeated N times`). */
  count: number;
}

export type AttackDescription = Omit<
  AttackTruth,
  'start' | 'end' | 'events' | 'failures' | 'successes' | 'breakdown'
>;

/** Builds an attack's truth from its generated events, so the counts cannot drift from the lines. */
export function summarizeAttack(
  description: AttackDescription,
  events: readonly CountedEvent[],
): AttackTruth {
  const breakdown: Record<string, number> = {};
  let failures = 0;
  let total = 0;
  let start = Infinity;
  let end = -Infinity;
  for (const event of events) {
    breakdown[event.key] = (breakdown[event.key] ?? 0) + event.count;
    total += event.count;
    if (event.failure) failures += event.count;
    start = Math.min(start, event.at);
    end = Math.max(end, event.at);
  }
  return { ...description, start, end, events: total, failures, successes: total - failures, breakdown };
}
