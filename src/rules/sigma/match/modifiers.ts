import { ModifierError } from './modifier-error.ts';
import { hasWildcards, MULTI } from './sigma-string.ts';
import { asText, describeKind } from './sigma-value.ts';
import type { CompareOperator, RegexFlag, SigmaValue, TimeUnit } from './sigma-value.ts';
import { base64Encode, base64OffsetVariants, utf16Encode } from './encodings.ts';
import { expandPlaceholders } from './placeholders.ts';
import { expandWindash } from './windash.ts';

export interface ModifierContext {
  /** Modifiers already applied, in order. */
  applied: readonly string[];
  placeholders: Readonly<Record<string, readonly string[]>> | undefined;
}

type Apply = (value: SigmaValue, context: ModifierContext) => SigmaValue | SigmaValue[];

/** Modifiers that act on each value; `all` and `neq` act on the item and are handled by the caller. */
const VALUE_MODIFIERS: Readonly<Record<string, Apply>> = {
  contains: (value) => wrap(value, true, true, 'contains'),
  startswith: (value) => wrap(value, false, true, 'startswith'),
  endswith: (value) => wrap(value, true, false, 'endswith'),
  cased: (value) => {
    const text = needString(asText(value), 'cased');
    return { ...text, cased: true };
  },
  base64: (value, context) => base64Encode(needPlain(value, 'base64'), context.applied),
  base64offset: (value, context) => base64OffsetVariants(needPlain(value, 'base64offset'), context.applied),
  wide: (value) => utf16Encode(needString(asText(value), 'wide'), 'le', 'wide'),
  utf16le: (value) => utf16Encode(needString(asText(value), 'utf16le'), 'le', 'utf16le'),
  utf16be: (value) => utf16Encode(needString(asText(value), 'utf16be'), 'be', 'utf16be'),
  utf16: (value) => utf16Encode(needString(asText(value), 'utf16'), 'bom', 'utf16'),
  windash: (value) => expandWindash(needString(asText(value), 'windash')),
  re: (value, context) => {
    first('re', context);
    const text = needString(asText(value), 're');
    return { kind: 'regex', source: text.raw, flags: new Set() };
  },
  i: regexFlag('i'),
  ignorecase: regexFlag('i'),
  m: regexFlag('m'),
  multiline: regexFlag('m'),
  s: regexFlag('s'),
  dotall: regexFlag('s'),
  cidr: (value, context) => {
    first('cidr', context);
    return { kind: 'cidr', text: needString(value, 'cidr').raw };
  },
  gt: compare('gt'),
  gte: compare('gte'),
  lt: compare('lt'),
  lte: compare('lte'),
  exists: (value, context) => {
    first('exists', context);
    if (value.kind !== 'bool') throw new ModifierError('`exists` takes `true` or `false`');
    return { kind: 'exists', wanted: value.value };
  },
  fieldref: (value) => {
    const text = needString(value, 'fieldref');
    if (hasWildcards(text.pattern))
      throw new ModifierError('`fieldref` names a field; it cannot hold wildcards');
    return { kind: 'fieldref', field: text.raw, startsWith: false, endsWith: false, cased: false };
  },
  expand: (value, context) => expandPlaceholders(needString(value, 'expand'), context.placeholders),
  minute: timePart('minute'),
  hour: timePart('hour'),
  day: timePart('day'),
  week: timePart('week'),
  month: timePart('month'),
  year: timePart('year'),
};

export const ITEM_MODIFIERS = ['all', 'neq'] as const;
export const KNOWN_MODIFIERS = [...Object.keys(VALUE_MODIFIERS), ...ITEM_MODIFIERS];

export function isValueModifier(name: string): boolean {
  return Object.hasOwn(VALUE_MODIFIERS, name);
}

/** Applies one modifier to every value of an expansion. */
export function applyModifier(
  name: string,
  values: readonly SigmaValue[],
  context: ModifierContext,
): SigmaValue[] {
  const apply = VALUE_MODIFIERS[name] as Apply;
  return values.flatMap((value) => apply(value, context));
}

function wrap(value: SigmaValue, before: boolean, after: boolean, name: string): SigmaValue {
  if (value.kind === 'regex') return value; // searched anywhere in the text already
  if (value.kind === 'fieldref')
    return { ...value, startsWith: value.startsWith || after, endsWith: value.endsWith || before };
  const text = needString(asText(value), name);
  let pattern = text.pattern;
  if (before && !pattern.startsWith(MULTI)) pattern = MULTI + pattern;
  if (after && !pattern.endsWith(MULTI)) pattern += MULTI;
  return { ...text, pattern };
}

function regexFlag(flag: RegexFlag): Apply {
  return (value) => {
    if (value.kind !== 'regex')
      throw new ModifierError(
        `regular expression flag \`${flag}\` needs \`re\` before it, got ${describeKind(value)}`,
      );
    return { ...value, flags: new Set([...value.flags, flag]) };
  };
}

function compare(op: CompareOperator): Apply {
  return (value) => ({ kind: 'compare', op, bound: needNumber(value, op) });
}

function timePart(unit: TimeUnit): Apply {
  return (value) => ({ kind: 'timepart', unit, value: needNumber(value, unit) });
}

function needNumber(value: SigmaValue, name: string): number {
  if (value.kind === 'number') return value.value;
  if (value.kind === 'string' && value.raw.trim() !== '' && Number.isFinite(Number(value.raw)))
    return Number(value.raw);
  throw new ModifierError(`\`${name}\` needs a number, got ${describeKind(value)}`);
}

function needString(value: SigmaValue, name: string): Extract<SigmaValue, { kind: 'string' }> {
  if (value.kind === 'string') return value;
  throw new ModifierError(`\`${name}\` needs a string, got ${describeKind(value)}`);
}

function needPlain(value: SigmaValue, name: string): Extract<SigmaValue, { kind: 'string' }> {
  const text = needString(asText(value), name);
  if (hasWildcards(text.pattern)) throw new ModifierError(`\`${name}\` cannot encode a value with wildcards`);
  return text;
}

function first(name: string, context: ModifierContext): void {
  if (context.applied.length > 0)
    throw new ModifierError(
      `\`${name}\` takes the value as written and cannot follow \`${context.applied.join('|')}\``,
    );
}
