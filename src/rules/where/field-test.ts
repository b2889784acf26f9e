/**
 * Building blocks of compiled conditions. A FieldTest receives the raw value of one event field
 * (undefined, a scalar, or an array, which matches when any element matches) and decides.
 */
export type FieldTest = (value: unknown) => boolean;

/** A scalar from the rule file: what a `where` key may be compared against. */
export type WhereScalar = string | number | boolean | null;

/** Missing, null, or an empty array: what Elasticsearch treats as "no value". */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/** The text of a scalar event value as Elasticsearch would index it; undefined for objects and null. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return undefined;
}

/**
 * Combines per-constant tests over normalized element values into a FieldTest.
 * `any`: some element matches some constant (anyOf may be a faster merged form, e.g. a Set lookup).
 * `all`: every constant matches some element.
 */
export function combineTests<N>(
  normalize: (element: unknown) => N | undefined,
  tests: readonly ((normalized: N) => boolean)[],
  all: boolean,
  anyOf?: (normalized: N) => boolean,
): FieldTest {
  if (all && tests.length > 1) return combineAll(normalize, tests);
  const matchesAny = anyOf ?? anyTest(tests);
  const matchesElement = (element: unknown): boolean => {
    const normalized = normalize(element);
    return normalized !== undefined && matchesAny(normalized);
  };
  return (value) => (Array.isArray(value) ? value.some(matchesElement) : matchesElement(value));
}

function combineAll<N>(
  normalize: (element: unknown) => N | undefined,
  tests: readonly ((n: N) => boolean)[],
): FieldTest {
  return (value) => {
    const elements = Array.isArray(value) ? value : [value];
    const normalized: N[] = [];
    for (const element of elements) {
      const n = normalize(element);
      if (n !== undefined) normalized.push(n);
    }
    if (normalized.length === 0) return false;
    return tests.every((test) => normalized.some(test));
  };
}

function anyTest<N>(tests: readonly ((n: N) => boolean)[]): (n: N) => boolean {
  if (tests.length === 1) return tests[0] as (n: N) => boolean;
  if (tests.length === 2) {
    const [a, b] = tests as [(n: N) => boolean, (n: N) => boolean];
    return (n) => a(n) || b(n);
  }
  return (n) => {
    for (const test of tests) if (test(n)) return true;
    return false;
  };
}
