import { parseSigmaString } from './sigma-string.ts';

export type RegexFlag = 'i' | 'm' | 's';
export type CompareOperator = 'gt' | 'gte' | 'lt' | 'lte';
export type TimeUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** One value of a detection item after its modifiers: what the matcher is built from. */
export type SigmaValue =
  | { kind: 'string'; pattern: string; raw: string; cased: boolean }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'regex'; source: string; flags: ReadonlySet<RegexFlag> }
  | { kind: 'cidr'; text: string }
  | { kind: 'compare'; op: CompareOperator; bound: number }
  | { kind: 'exists'; wanted: boolean }
  | { kind: 'fieldref'; field: string; startsWith: boolean; endsWith: boolean; cased: boolean }
  | { kind: 'timepart'; unit: TimeUnit; value: number };

/** A value as YAML gave it, before any modifier. */
export function readSigmaValue(value: unknown): SigmaValue | undefined {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'string')
    return { kind: 'string', pattern: parseSigmaString(value), raw: value, cased: false };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : undefined;
  if (typeof value === 'boolean') return { kind: 'bool', value };
  return undefined;
}

/** Numbers and booleans used where text is expected read as their text (`4688` as `"4688"`). */
export function asText(value: SigmaValue): SigmaValue {
  if (value.kind === 'number' || value.kind === 'bool') {
    const raw = String(value.value);
    return { kind: 'string', pattern: raw, raw, cased: false };
  }
  return value;
}

export function describeKind(value: SigmaValue): string {
  switch (value.kind) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'bool':
      return 'a boolean';
    case 'null':
      return '`null`';
    case 'regex':
      return 'a regular expression';
    case 'cidr':
      return 'a CIDR range';
    case 'compare':
      return 'a numeric comparison';
    case 'exists':
      return 'an existence test';
    case 'fieldref':
      return 'a field reference';
    case 'timepart':
      return 'a date part';
  }
}
