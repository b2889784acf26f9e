import { compileLinearRegex } from '../../../core/index.ts';
import type { FieldGetter } from '../../../core/index.ts';
import { buildCidrMatch } from '../../where/cidr-match.ts';
import { buildEquals } from '../../where/equals.ts';
import { isMissing, textOf } from '../../where/field-test.ts';
import type { FieldTest } from '../../where/field-test.ts';
import type { BuildResult } from '../../where/operator.ts';
import { buildRange } from '../../where/range.ts';
import { ModifierError } from './modifier-error.ts';
import { shapeOf } from './sigma-string.ts';
import type { SigmaValue } from './sigma-value.ts';
import { buildTextTest } from './text-tests.ts';
import { timePartOf } from './time-part.ts';

/** Decides on one field's value; `event` is there for field references. */
export type ValueTest = (value: unknown, event: unknown) => boolean;

/** Resolves a Sigma field name to a getter over events (through the field mapping). */
export type FieldResolver = (field: string) => FieldGetter;

/** The test one modified value makes of a field; throws ModifierError when it cannot be built. */
export function buildValueTest(value: SigmaValue, resolve: FieldResolver): ValueTest {
  switch (value.kind) {
    case 'string':
      return plain(buildPatternTest(value.pattern, value.cased));
    case 'number':
    case 'bool':
      return plain(buildEquals([String(value.value)], false, false));
    case 'null':
      return plain(isMissing);
    case 'regex':
      return plain(buildRegexTest(value.source, value.flags));
    case 'cidr':
      return plain(built(buildCidrMatch([value.text], false)));
    case 'compare':
      return plain(built(buildRange(value.op, [value.bound], false)));
    case 'exists':
      return plain(value.wanted ? (found) => found !== undefined : (found) => found === undefined);
    case 'fieldref':
      return buildFieldReference(value, resolve(value.field));
    case 'timepart': {
      const { unit, value: wanted } = value;
      return plain((found) => someElement(found, (element) => timePartOf(element, unit) === wanted));
    }
  }
}

/** A Sigma string pattern as a field test: equality, prefix/suffix/substring, or a whole-text RE2. */
export function buildPatternTest(pattern: string, cased: boolean): FieldTest {
  const shape = shapeOf(pattern);
  switch (shape.kind) {
    case 'equals':
      return buildEquals([shape.text], cased, false);
    case 'anything':
      return (found) => someElement(found, (element) => textOf(element) !== undefined);
    case 'contains':
    case 'startswith':
    case 'endswith':
      return buildTextTest(shape.kind, [shape.text], cased);
    case 'regex': {
      const regex = compileLinearRegex(shape.source, { caseInsensitive: !cased, whole: true });
      if (!regex.ok) throw new ModifierError(`wildcard pattern: ${regex.message}`);
      return (found) => someElement(found, (element) => testText(element, regex.test));
    }
  }
}

/** `re`: searched anywhere in the text (as pySigma's matcher does); `i`, `m`, `s` as inline flags. */
export function buildRegexTest(source: string, flags: ReadonlySet<string>): FieldTest {
  const inline = [...flags].filter((flag) => flag !== 'i').join('');
  const regex = compileLinearRegex(inline ? `(?${inline})${source}` : source, {
    caseInsensitive: flags.has('i'),
  });
  if (!regex.ok) throw new ModifierError(`regular expression \`${source}\`: ${regex.message}`);
  return (found) => someElement(found, (element) => testText(element, regex.test));
}

function buildFieldReference(
  value: Extract<SigmaValue, { kind: 'fieldref' }>,
  other: FieldGetter,
): ValueTest {
  const fold = value.cased ? (text: string) => text : (text: string) => text.toLowerCase();
  const compare = (left: string, right: string): boolean => {
    if (value.startsWith && value.endsWith) return left.includes(right);
    if (value.startsWith) return left.startsWith(right);
    if (value.endsWith) return left.endsWith(right);
    return left === right;
  };
  return (found, event) => {
    const reference = textOf(other(event));
    if (reference === undefined) return false;
    const right = fold(reference);
    return someElement(found, (element) => {
      const left = textOf(element);
      return left !== undefined && compare(fold(left), right);
    });
  };
}

function plain(test: FieldTest): ValueTest {
  return (found) => test(found);
}

function built(result: BuildResult): FieldTest {
  if (result.errors) throw new ModifierError(result.errors.map((error) => error.message).join('; '));
  return result.test;
}

function testText(element: unknown, test: (text: string) => boolean): boolean {
  const text = textOf(element);
  return text !== undefined && test(text);
}

function someElement(found: unknown, test: (element: unknown) => boolean): boolean {
  return Array.isArray(found) ? found.some(test) : test(found);
}
