import { combineTests } from './field-test.ts';
import type { BuildResult } from './operator.ts';

export type RangeOperator = 'gt' | 'gte' | 'lt' | 'lte';

const RANGE_TESTS: Record<RangeOperator, (bound: number) => (n: number) => boolean> = {
  gt: (bound) => (n) => n > bound,
  gte: (bound) => (n) => n >= bound,
  lt: (bound) => (n) => n < bound,
  lte: (bound) => (n) => n <= bound,
};

/** Numeric comparison; numeric strings on either side compare as numbers, anything else never matches. */
export function buildRange(
  operator: RangeOperator,
  values: readonly (string | number | boolean)[],
  all: boolean,
): BuildResult {
  const bounds: number[] = [];
  const errors: { index: number; message: string }[] = [];
  values.forEach((value, index) => {
    const bound = numberOf(value);
    if (bound === undefined)
      errors.push({ index, message: `\`${operator}\` needs a number, got \`${String(value)}\`` });
    else bounds.push(bound);
  });
  if (errors.length > 0) return { errors };
  return { test: combineTests(numberOf, bounds.map(RANGE_TESTS[operator]), all) };
}

export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
