import { combineTests, textOf } from './field-test.ts';
import type { FieldTest } from './field-test.ts';

/** Longer literal lists than this become a Set lookup (any-of only). */
const SET_THRESHOLD = 4;

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Plain equality by string form: `4625` equals `"4625"`, `true` equals `"true"`.
 * Case-insensitive unless `cased`; constants are lowercased once here.
 */
export function buildEquals(
  values: readonly (string | number | boolean)[],
  cased: boolean,
  all: boolean,
): FieldTest {
  const constants = values.map((value) => (cased ? String(value) : String(value).toLowerCase()));
  if (!all && constants.length > SET_THRESHOLD) return buildSetTest(new Set(constants), cased);
  const tests = constants.map((constant) => buildEqualsOne(constant, cased));
  if (tests.length === 1) {
    const test = tests[0] as (element: unknown) => boolean;
    return (value) => (Array.isArray(value) ? value.some(test) : test(value));
  }
  return combineTests(keepElement, tests, all);
}

function keepElement(element: unknown): unknown {
  return element;
}

function buildEqualsOne(constant: string, cased: boolean): (element: unknown) => boolean {
  if (cased) {
    return (element) => (typeof element === 'string' ? element === constant : textOf(element) === constant);
  }
  // A string that lowercases to an ASCII constant has the constant's length, so a length check rejects early.
  const checkLength = ASCII.test(constant);
  const length = constant.length;
  return (element) => {
    if (typeof element === 'string') {
      if (element === constant) return true;
      if (!checkLength) return element.toLowerCase() === constant;
      return element.length === length && equalsLowered(element, constant);
    }
    const text = textOf(element);
    return text !== undefined && text.toLowerCase() === constant;
  };
}

/**
 * `text.toLowerCase() === constant` for an ASCII constant as long as `text`, without making the
 * lowered copy while `text` is ASCII (most values are; a lowered copy is garbage per event).
 */
export function equalsLowered(text: string, constant: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Beyond ASCII, lowering may give ASCII (the Kelvin sign gives k): let toLowerCase judge.
    if (code > 0x7f) return text.toLowerCase() === constant;
    const lowered = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
    if (lowered !== constant.charCodeAt(i)) return false;
  }
  return true;
}

function buildSetTest(constants: Set<string>, cased: boolean): FieldTest {
  const test = (element: unknown): boolean => {
    const text = textOf(element);
    if (text === undefined) return false;
    return constants.has(text) || (!cased && constants.has(text.toLowerCase()));
  };
  return (value) => (Array.isArray(value) ? value.some(test) : test(value));
}
