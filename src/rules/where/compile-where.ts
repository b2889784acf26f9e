import { compileFieldGetter, isObject } from '../../core/index.ts';
import type { SourceLocation, ValidationIssue } from '../../core/index.ts';
import type { EventPredicate } from '../model.ts';
import { combineAll, combineAny } from './combine.ts';
import { isMissing } from './field-test.ts';
import type { FieldTest, WhereScalar } from './field-test.ts';
import { OPERATORS } from './operator.ts';
import type { ValueError } from './operator.ts';
import { parseWhereKey } from './parse-key.ts';
import { sharedCondition } from './shared-condition.ts';
import type { WhereKey } from './parse-key.ts';

/** Position of a node inside the spec: keys and list indices from the `where` value down. */
export type WherePath = readonly (string | number)[];

/**
 * Where the spec was written. `field` names it in issues (`where`, `steps[1].where`); `locate`
 * finds the line and column of a key or value inside it (the YAML loader provides one).
 */
export interface WhereLocation extends SourceLocation {
  locate?: (path: WherePath, part: 'key' | 'value') => { line: number; column: number } | undefined;
  /**
   * The spec compiled cleanly in this code before (a rule pack's, checked when the build made it):
   * its regular expressions compile at their first test rather than now.
   */
  checked?: boolean;
}

export interface CompiledWhere {
  /** Never matches when there are issues. */
  predicate: EventPredicate;
  issues: ValidationIssue[];
}

interface Condition {
  cost: number;
  predicate: EventPredicate;
}

/**
 * Compiles a `where` (or `unless`) spec: a map is an AND of its keys, a list of maps an OR of them.
 * Keys are `field|modifier|...`, values a scalar or a list (any of; all of with `|all`).
 */
export function compileWhere(spec: unknown, location: WhereLocation): CompiledWhere {
  const issues: ValidationIssue[] = [];
  const report = (path: WherePath, part: 'key' | 'value', suffix: string, message: string): void => {
    const position = location.locate?.(path, part);
    issues.push({
      file: location.file,
      line: position?.line ?? location.line,
      column: position?.column ?? location.column,
      field: `${location.field ?? 'where'}${suffix}`,
      message,
    });
  };
  const checked = location.checked === true;
  let predicate: EventPredicate | undefined;
  if (Array.isArray(spec)) {
    if (spec.length === 0)
      report([], 'value', '', 'an empty list matches nothing; give at least one map of conditions');
    const alternatives = spec.map((item, index) => compileMap(item, [index], `[${index}]`, report, checked));
    predicate = combineAny(alternatives.filter((p): p is EventPredicate => p !== undefined));
  } else {
    predicate = compileMap(spec, [], '', report, checked);
  }
  return { predicate: issues.length === 0 && predicate ? predicate : () => false, issues };
}

type Reporter = (path: WherePath, part: 'key' | 'value', suffix: string, message: string) => void;

function compileMap(
  spec: unknown,
  path: WherePath,
  suffix: string,
  report: Reporter,
  checked: boolean,
): EventPredicate | undefined {
  if (!isObject(spec)) {
    report(path, 'value', suffix, 'expected a map of `field: value` conditions (or a list of such maps)');
    return undefined;
  }
  const keys = Object.keys(spec);
  if (keys.length === 0) {
    report(path, 'value', suffix, 'an empty map of conditions; give at least one `field: value`');
    return undefined;
  }
  const conditions: Condition[] = [];
  for (const key of keys) {
    const condition = compileCondition(key, spec[key], [...path, key], `${suffix}.${key}`, report, checked);
    if (condition) conditions.push(condition);
  }
  conditions.sort((a, b) => a.cost - b.cost);
  return combineAll(conditions.map((condition) => condition.predicate));
}

function compileCondition(
  key: string,
  value: unknown,
  path: WherePath,
  suffix: string,
  report: Reporter,
  checked: boolean,
): Condition | undefined {
  const parsed = parseWhereKey(key);
  if ('error' in parsed) {
    report(path, 'key', suffix, parsed.error);
    return undefined;
  }
  const isList = Array.isArray(value);
  const values: unknown[] = isList ? value : [value];
  const reportValue = (error: ValueError): void => {
    const indexed = isList && error.index !== undefined;
    report(
      indexed ? [...path, error.index as number] : path,
      'value',
      indexed ? `${suffix}[${error.index}]` : suffix,
      error.message,
    );
  };
  if (values.length === 0) {
    reportValue({ message: 'an empty list matches nothing' });
    return undefined;
  }
  const scalarErrors = findNonScalars(values, parsed);
  if (scalarErrors.length > 0) {
    scalarErrors.forEach(reportValue);
    return undefined;
  }
  const test = buildFieldTest(parsed, values as WhereScalar[], reportValue, checked);
  if (!test) return undefined;
  const get = compileFieldGetter(parsed.field);
  // The same key and values test the same: rules share one predicate for them.
  const signature = `${key}\u0000${JSON.stringify(values)}`;
  return {
    cost: OPERATORS[parsed.operator].cost,
    predicate: sharedCondition(signature, () => (event) => test(get(event))),
  };
}

function findNonScalars(values: readonly unknown[], key: WhereKey): ValueError[] {
  const errors: ValueError[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (key.operator !== 'equals') {
        errors.push({
          index,
          message: `null only works with plain equality; use \`${key.field}|exists: false\``,
        });
      } else if (key.all && values.length > 1) {
        errors.push({ index, message: 'null cannot be combined with other values under `all`' });
      }
    } else if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      const kind = Array.isArray(value) ? 'a nested list' : 'a map';
      errors.push({ index, message: `expected a value or a list of values, got ${kind}` });
    }
  });
  return errors;
}

function buildFieldTest(
  key: WhereKey,
  values: readonly WhereScalar[],
  reportValue: (error: ValueError) => void,
  checked: boolean,
): FieldTest | undefined {
  const present = values.filter((value): value is string | number | boolean => value !== null);
  const wantsMissing = present.length < values.length;
  if (present.length === 0) return isMissing;
  const built = OPERATORS[key.operator].build(present, key.cased, key.all, checked);
  if (built.errors) {
    // Only plain equality takes nulls and it never fails, so indices match the list as written.
    built.errors.forEach(reportValue);
    return undefined;
  }
  const test = built.test;
  return wantsMissing ? (value) => isMissing(value) || test(value) : test;
}
