import { InputError } from '../../core/index.ts';
import { createDetectionEngine } from '../../detection/index.ts';
import type { Rule } from '../../rules/index.ts';
import type { TimedEvents } from './backtest-events.ts';
import { dayIndex } from './utc-days.ts';

export interface BacktestSeries {
  threshold: number;
  /** Incidents that would have opened per day (by the day of their first event). */
  incidents: number[];
}

/**
 * Runs a copy of the rule with each threshold through a fresh detection engine over the events,
 * counting the incidents it would have opened per day. Only rules with a threshold can be tried.
 */
export function runBacktest(
  rule: Rule,
  thresholds: readonly number[],
  input: TimedEvents,
  days: { start: number; count: number },
): BacktestSeries[] {
  if (rule.type !== 'threshold' && rule.type !== 'cardinality')
    throw new InputError(`rule ${rule.id} is a ${rule.type} rule: it has no threshold to try`);
  return thresholds.map((threshold) => {
    const incidents = Array.from({ length: days.count }, () => 0);
    const engine = createDetectionEngine({
      rules: [{ ...rule, threshold, enabled: true }],
      emit: (detection) => {
        if (detection.state !== 'opened') return;
        const index = dayIndex(detection.firstSeen, days.start, days.count);
        if (index !== undefined) incidents[index] = (incidents[index] ?? 0) + 1;
      },
    });
    engine.pushBatch(input.events, input.times);
    engine.flush();
    return { threshold, incidents };
  });
}
