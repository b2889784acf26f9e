import { ModifierError } from './modifier-error.ts';
import type { SigmaValue } from './sigma-value.ts';

/** Dash-like characters Windows accepts before a command-line option. */
export const WINDASHES = ['-', '/', '\u2013', '\u2014', '\u2015'] as const;

/** More variants than this would mean a value with many options; refused rather than built. */
const MAX_VARIANTS = 3125;

/** A `-` or `/` starting an option: after a non-word character (or the start), before a word character. */
const OPTION_DASH = /(?<![\p{L}\p{N}_])[-/](?=[\p{L}\p{N}_])/gu;

type SigmaText = Extract<SigmaValue, { kind: 'string' }>;

/** Every way of writing the value's option dashes with any of the five dash characters. */
export function expandWindash(value: SigmaText): SigmaValue[] {
  const pieces = value.pattern.split(OPTION_DASH);
  const count = pieces.length - 1;
  if (WINDASHES.length ** count > MAX_VARIANTS)
    throw new ModifierError(`\`windash\` on a value with ${count} option dashes gives too many variants`);
  let variants = [pieces[0] as string];
  for (const piece of pieces.slice(1)) {
    variants = variants.flatMap((prefix) => WINDASHES.map((dash) => prefix + dash + piece));
  }
  return variants.map((pattern) => ({ ...value, pattern }));
}
