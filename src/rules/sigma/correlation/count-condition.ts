import type { CorrelationSpec } from './read-correlation.ts';

/** How Klaxon can run a correlation condition, or why it cannot. */
export type CountCondition = { atLeast: number } | { refused: string };

/**
 * A count condition Klaxon can decide as events arrive: a lower bound (`gte`, `gt`). An upper
 * bound (`lt`, `lte`, `eq`, a range) can only be decided once the timespan has closed without
 * more events, which Klaxon's detections (that fire as counts rise) do not do.
 */
export function lowerBound(condition: CorrelationSpec['condition'], what: string): CountCondition {
  let atLeast: number | undefined;
  for (const { op, value } of condition) {
    if (op === 'gte') atLeast = Math.max(atLeast ?? 0, value);
    else if (op === 'gt') atLeast = Math.max(atLeast ?? 0, value + 1);
    else {
      return {
        refused:
          `condition \`${op}: ${value}\` is not supported: "${op === 'eq' ? 'exactly' : 'at most'} N ${what} ` +
          'in the timespan" is only known once the timespan has closed; Klaxon fires as counts rise (use gt or gte)',
      };
    }
  }
  if (atLeast === undefined || atLeast < 1) {
    return { refused: 'condition must need at least one: `gte: 1` or more, or `gt: 0` or more' };
  }
  return { atLeast };
}

/** temporal / temporal_ordered: how many of the `total` referenced rules must have matched. */
export function requiredRules(
  condition: CorrelationSpec['condition'],
  total: number,
  ordered: boolean,
): CountCondition {
  if (condition.length === 0) return { atLeast: total };
  if (condition.length === 1 && condition[0]?.op === 'eq' && condition[0].value === total)
    return { atLeast: total };
  const bound = lowerBound(condition, 'rules');
  if ('refused' in bound) return bound;
  if (bound.atLeast > total) {
    return { refused: `condition needs ${bound.atLeast} rules but the correlation refers to ${total}` };
  }
  if (ordered && bound.atLeast !== total) {
    return { refused: 'temporal_ordered with a condition below all of its rules is not supported' };
  }
  return bound;
}
