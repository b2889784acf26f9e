import { buildCidrMatch } from './cidr-match.ts';
import { buildEquals } from './equals.ts';
import { isMissing } from './field-test.ts';
import type { FieldTest } from './field-test.ts';
import { buildRange } from './range.ts';
import { buildRegexMatch, buildTextMatch } from './text-match.ts';

/** A value-level mistake; `index` points into the value list when the value was a list. */
export interface ValueError {
  index?: number;
  message: string;
}

export type BuildResult = { test: FieldTest; errors?: undefined } | { errors: ValueError[] };

export interface Operator {
  /** Rough evaluation cost; cheaper conditions run first. */
  cost: number;
  allowsCased: boolean;
  allowsAll: boolean;
  /** `checked`: the values compiled cleanly in this code before (see WhereLocation.checked). */
  build(
    values: readonly (string | number | boolean)[],
    cased: boolean,
    all: boolean,
    checked?: boolean,
  ): BuildResult;
}

export type OperatorName =
  'equals' | 'exists' | 'contains' | 'startswith' | 'endswith' | 're' | 'cidr' | 'gt' | 'gte' | 'lt' | 'lte';

export const OPERATORS: Readonly<Record<OperatorName, Operator>> = {
  equals: {
    cost: 1,
    allowsCased: true,
    allowsAll: true,
    build: (values, cased, all) => ({ test: buildEquals(values, cased, all) }),
  },
  exists: { cost: 0, allowsCased: false, allowsAll: false, build: buildExists },
  contains: textOperator('contains', 5),
  startswith: textOperator('startswith', 4),
  endswith: textOperator('endswith', 4),
  re: { cost: 8, allowsCased: true, allowsAll: true, build: buildRegexMatch },
  cidr: {
    cost: 6,
    allowsCased: false,
    allowsAll: true,
    build: (values, _cased, all) => buildCidrMatch(values, all),
  },
  gt: rangeOperator('gt'),
  gte: rangeOperator('gte'),
  lt: rangeOperator('lt'),
  lte: rangeOperator('lte'),
};

/** Modifiers that change how the operator applies rather than choosing one. */
export const FLAG_MODIFIERS = ['all', 'cased'] as const;

export function isOperatorName(name: string): name is OperatorName {
  return Object.hasOwn(OPERATORS, name) && name !== 'equals';
}

function textOperator(name: 'contains' | 'startswith' | 'endswith', cost: number): Operator {
  return {
    cost,
    allowsCased: true,
    allowsAll: true,
    build: (values, cased, all) => buildTextMatch(name, values, cased, all),
  };
}

function rangeOperator(name: 'gt' | 'gte' | 'lt' | 'lte'): Operator {
  return {
    cost: 3,
    allowsCased: false,
    allowsAll: true,
    build: (values, _cased, all) => buildRange(name, values, all),
  };
}

function buildExists(values: readonly (string | number | boolean)[]): BuildResult {
  const [wanted] = values;
  if (values.length !== 1 || typeof wanted !== 'boolean') {
    return { errors: [{ message: '`exists` takes `true` or `false`' }] };
  }
  return { test: wanted ? (value) => !isMissing(value) : isMissing };
}
