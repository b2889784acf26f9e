import type { EventPredicate } from '../../model.ts';
import { buildEquals } from '../../where/equals.ts';
import { combineAll, combineAny } from '../../where/combine.ts';
import { eventStrings } from './event-strings.ts';
import { ModifierError } from './modifier-error.ts';
import { applyModifier, isValueModifier, ITEM_MODIFIERS, KNOWN_MODIFIERS } from './modifiers.ts';
import { MULTI, shapeOf } from './sigma-string.ts';
import { buildTextTest } from './text-tests.ts';
import type { TextShape } from './text-tests.ts';
import { describeKind, readSigmaValue } from './sigma-value.ts';
import type { SigmaValue } from './sigma-value.ts';
import { buildPatternTest, buildRegexTest, buildValueTest } from './value-test.ts';
import type { FieldResolver, ValueTest } from './value-test.ts';

export interface ItemContext {
  resolve: FieldResolver;
  placeholders: Readonly<Record<string, readonly string[]>> | undefined;
  /** Refuses the rule: `reason` names the construct. */
  fail(reason: string): never;
  /** Called for a keyword search: the rule reads every field of the event. */
  readsWholeEvent(): void;
}

/**
 * One detection item, `field|modifier|...: value(s)`: the values are OR-ed (AND-ed with `all`),
 * each value after its modifiers in the order written. An empty field name is a keyword search.
 */
export function compileItem(key: string, raw: unknown, context: ItemContext): EventPredicate {
  const [field = '', ...modifiers] = key.split('|');
  const unknown = modifiers.find((name) => !KNOWN_MODIFIERS.includes(name));
  if (unknown !== undefined)
    context.fail(unknown === '' ? 'empty modifier in `' + key + '`' : `unknown modifier \`${unknown}\``);
  const all = modifiers.includes('all');
  const negate = modifiers.includes('neq');
  const chain = modifiers.filter((name) => !(ITEM_MODIFIERS as readonly string[]).includes(name));
  const values = readValues(raw, context).map((value) => applyChain(value, chain, context));
  const predicate =
    field === '' ? keywordPredicate(values, all, context) : fieldPredicate(field, values, all, context);
  return negate ? (event) => !predicate(event) : predicate;
}

function readValues(raw: unknown, context: ItemContext): SigmaValue[] {
  const items = Array.isArray(raw) ? raw : [raw];
  if (items.length === 0) context.fail('an empty list of values matches nothing');
  return items.map((item) => {
    const value = readSigmaValue(item);
    if (value === undefined)
      context.fail(
        `expected a value or a list of values, got ${Array.isArray(item) ? 'a nested list' : 'a map'}`,
      );
    return value;
  });
}

function applyChain(value: SigmaValue, chain: readonly string[], context: ItemContext): SigmaValue[] {
  let values = [value];
  chain.forEach((name, index) => {
    if (!isValueModifier(name)) return;
    try {
      values = applyModifier(name, values, {
        applied: chain.slice(0, index),
        placeholders: context.placeholders,
      });
    } catch (error) {
      if (!(error instanceof ModifierError)) throw error;
      const written = chain.length > 1 ? `modifier chain \`|${chain.join('|')}\`` : `modifier \`${name}\``;
      context.fail(`${written}: ${error.message}`);
    }
  });
  return values;
}

function fieldPredicate(
  field: string,
  values: SigmaValue[][],
  all: boolean,
  context: ItemContext,
): EventPredicate {
  const get = context.resolve(field);
  const testsOf = (expansion: readonly SigmaValue[]): ValueTest[] =>
    groupTests(expansion, (value) => guard(() => buildValueTest(value, context.resolve), context));
  const test = all
    ? allTests(values.map((expansion) => anyTest(testsOf(expansion))))
    : anyTest(testsOf(values.flat()));
  return (event) => test(get(event), event);
}

/**
 * Tests for a list of values (any of): plain case-insensitive strings and numbers become one
 * equality (a Set lookup when many); substrings, prefixes and suffixes of one kind become one
 * test that lowercases the field once; the rest get a test each.
 */
function groupTests(values: readonly SigmaValue[], build: (value: SigmaValue) => ValueTest): ValueTest[] {
  const constants: string[] = [];
  const texts = new Map<string, string[]>();
  const tests: ValueTest[] = [];
  for (const value of values) {
    const shape = value.kind === 'string' ? shapeOf(value.pattern) : undefined;
    if (value.kind === 'number') constants.push(String(value.value));
    else if (value.kind === 'string' && shape?.kind === 'equals' && !value.cased) constants.push(shape.text);
    else if (value.kind === 'string' && shape && 'text' in shape && shape.kind !== 'equals') {
      const key = `${shape.kind}|${value.cased}`;
      texts.set(key, [...(texts.get(key) ?? []), shape.text]);
    } else tests.push(build(value));
  }
  for (const [key, group] of texts) {
    const [kind, cased] = key.split('|') as [TextShape, string];
    tests.unshift(buildTextTest(kind, group, cased === 'true'));
  }
  if (constants.length > 0) {
    tests.unshift(buildEquals(constants, false, false));
  }
  return tests;
}

function keywordPredicate(values: SigmaValue[][], all: boolean, context: ItemContext): EventPredicate {
  context.readsWholeEvent();
  const tests = values.map((expansion) =>
    expansion.map((value) => {
      if (value.kind === 'regex') return guard(() => buildRegexTest(value.source, value.flags), context);
      if (value.kind !== 'string' && value.kind !== 'number')
        context.fail(`a keyword (a value without a field) cannot be ${describeKind(value)}`);
      const pattern = value.kind === 'number' ? String(value.value) : value.pattern;
      const cased = value.kind === 'string' && value.cased;
      return guard(() => buildPatternTest(`${MULTI}${pattern}${MULTI}`, cased), context);
    }),
  );
  const perValue: EventPredicate[] = tests.map((expansion) => (event) => {
    const texts = eventStrings(event);
    return expansion.some((test) => texts.some((text) => test(text)));
  });
  return all ? combineAll(perValue) : combineAny(perValue);
}

function guard<T>(build: () => T, context: ItemContext): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ModifierError) context.fail(error.message);
    throw error;
  }
}

function anyTest(tests: readonly ValueTest[]): ValueTest {
  if (tests.length === 1) return tests[0] as ValueTest;
  return (found, event) => {
    for (const test of tests) if (test(found, event)) return true;
    return false;
  };
}

function allTests(tests: readonly ValueTest[]): ValueTest {
  return (found, event) => {
    for (const test of tests) if (!test(found, event)) return false;
    return true;
  };
}
