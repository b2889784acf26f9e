import { compileLinearRegex, deferLinearRegex } from '../../core/index.ts';
import { combineTests, textOf } from './field-test.ts';
import type { BuildResult } from './operator.ts';

export type TextOperator = 'contains' | 'startswith' | 'endswith';

const TEXT_TESTS: Record<TextOperator, (constant: string) => (text: string) => boolean> = {
  contains: (constant) => (text) => text.includes(constant),
  startswith: (constant) => (text) => text.startsWith(constant),
  endswith: (constant) => (text) => text.endsWith(constant),
};

/** `contains`, `startswith`, `endswith` on the string form; case-insensitive unless `cased`. */
export function buildTextMatch(
  operator: TextOperator,
  values: readonly (string | number | boolean)[],
  cased: boolean,
  all: boolean,
): BuildResult {
  const constants = values.map((value) => (cased ? String(value) : String(value).toLowerCase()));
  const empty = constants.indexOf('');
  if (empty !== -1) {
    return { errors: [{ index: empty, message: `an empty string matches every value; remove it` }] };
  }
  const normalize = cased ? textOf : lowerTextOf;
  return { test: combineTests(normalize, constants.map(TEXT_TESTS[operator]), all) };
}

function lowerTextOf(element: unknown): string | undefined {
  return textOf(element)?.toLowerCase();
}

/** `re`: an RE2 regular expression (linear time), case-insensitive unless `cased`, tested on the string form. */
export function buildRegexMatch(
  values: readonly (string | number | boolean)[],
  cased: boolean,
  all: boolean,
  checked = false,
): BuildResult {
  const tests: ((text: string) => boolean)[] = [];
  const errors: { index: number; message: string }[] = [];
  values.forEach((value, index) => {
    const options = { caseInsensitive: !cased };
    if (checked) {
      tests.push(deferLinearRegex(String(value), options));
      return;
    }
    const regex = compileLinearRegex(String(value), options);
    if (regex.ok) tests.push(regex.test);
    else errors.push({ index, message: `invalid regular expression: ${regex.message}` });
  });
  if (errors.length > 0) return { errors };
  return { test: combineTests(textOf, tests, all) };
}
