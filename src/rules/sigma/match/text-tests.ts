import { textOf } from '../../where/field-test.ts';
import type { FieldTest } from '../../where/field-test.ts';
import { lowercaseMemo } from './lowercase-memo.ts';

export type TextShape = 'contains' | 'startswith' | 'endswith';

/**
 * Any of the constants found in the field's text (each element of a list): as a substring,
 * prefix or suffix; case-insensitive (through the lowercase memo) unless `cased`.
 */
export function buildTextTest(shape: TextShape, constants: readonly string[], cased: boolean): FieldTest {
  const wanted = cased ? [...constants] : constants.map((constant) => constant.toLowerCase());
  const fold = cased ? (text: string) => text : lowercaseMemo;
  const one = TESTS[shape];
  const matchesText = (text: string): boolean => {
    const folded = fold(text);
    for (const constant of wanted) if (one(folded, constant)) return true;
    return false;
  };
  const matchesElement = (element: unknown): boolean => {
    const text = typeof element === 'string' ? element : textOf(element);
    return text !== undefined && matchesText(text);
  };
  return (value) => {
    if (!Array.isArray(value)) return matchesElement(value);
    for (const element of value) if (matchesElement(element)) return true;
    return false;
  };
}

const TESTS: Readonly<Record<TextShape, (text: string, constant: string) => boolean>> = {
  contains: (text, constant) => text.includes(constant),
  startswith: (text, constant) => text.startsWith(constant),
  endswith: (text, constant) => text.endsWith(constant),
};
