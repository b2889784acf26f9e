import { isObject } from '../../../core/index.ts';
import { SigmaRuleError } from '../sigma-error.ts';
import type { SigmaDocument } from '../types.ts';

export const CORRELATION_TYPES = ['event_count', 'value_count', 'temporal', 'temporal_ordered'] as const;
export type CorrelationType = (typeof CORRELATION_TYPES)[number];

const COMPARISONS = ['gt', 'gte', 'lt', 'lte', 'eq'] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** The `correlation` section of a Sigma correlation rule, checked. */
export interface CorrelationSpec {
  type: CorrelationType;
  /** Referenced rules, by `name` or `id`, in order. */
  rules: string[];
  groupBy: string[];
  timespanMs: number;
  /** Each comparison written (a range has two); empty when none was given. */
  condition: { op: Comparison; value: number }[];
  /** `value_count`: the field whose distinct values are counted. */
  field?: string;
  /** Alias name → referenced rule name → that rule's field. */
  aliases: Record<string, Record<string, string>>;
  /** Whether the referenced rules also make incidents of their own (default false). */
  generate: boolean;
}

const TIMESPAN = /^(\d+)([smhd])$/;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Reads and checks a correlation document; throws SigmaRuleError naming the field and line. */
export function readCorrelation(doc: SigmaDocument): CorrelationSpec {
  const section = doc.body.correlation as Record<string, unknown>;
  const fail = (field: string, reason: string): never => {
    throw new SigmaRuleError(doc.file, doc.lineOf(['correlation', field]), `correlation.${field}`, reason);
  };
  const type = section.type;
  if (!CORRELATION_TYPES.includes(type as CorrelationType)) {
    fail('type', `expected one of ${CORRELATION_TYPES.join(', ')}, got ${JSON.stringify(type ?? null)}`);
  }
  const rules = textList(section.rules, 'rules', fail);
  if (rules.length === 0) fail('rules', 'expected the name or id of at least one rule');
  const timespanMs = readTimespan(section.timespan, fail);
  const condition = readCondition(section.condition, type as CorrelationType, fail);
  const field = isObject(section.condition) ? section.condition.field : undefined;
  if (field !== undefined && typeof field !== 'string') fail('condition', '`field` must be a field name');
  if (type === 'value_count' && field === undefined)
    fail('condition', 'value_count needs `field`: the field whose distinct values are counted');
  const generate = section.generate ?? doc.body.generate ?? false;
  if (typeof generate !== 'boolean') fail('generate', 'expected true or false');
  return {
    type: type as CorrelationType,
    rules,
    groupBy: section['group-by'] === undefined ? [] : textList(section['group-by'], 'group-by', fail),
    timespanMs,
    condition,
    ...(typeof field === 'string' && { field }),
    aliases: readAliases(section.aliases, fail),
    generate: generate as boolean,
  };
}

type Fail = (field: string, reason: string) => never;

function textList(value: unknown, field: string, fail: Fail): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.map((item) =>
    typeof item === 'string' && item.trim() !== '' ? item.trim() : fail(field, 'expected a list of names'),
  );
}

function readTimespan(value: unknown, fail: Fail): number {
  const match = typeof value === 'string' ? TIMESPAN.exec(value.trim()) : null;
  if (!match)
    return fail(
      'timespan',
      `expected a number and one of s, m, h, d (like \`5m\`), got ${JSON.stringify(value ?? null)}`,
    );
  const ms = Number(match[1]) * (UNIT_MS[match[2] as string] as number);
  return ms > 0 ? ms : fail('timespan', 'must be longer than zero');
}

function readCondition(value: unknown, type: CorrelationType, fail: Fail): CorrelationSpec['condition'] {
  if (value === undefined || value === null) {
    if (type === 'event_count' || type === 'value_count')
      fail('condition', `${type} needs a condition like \`gte: 5\``);
    return [];
  }
  if (!isObject(value)) return fail('condition', 'expected a map like `gte: 5`');
  const comparisons: CorrelationSpec['condition'] = [];
  for (const [key, raw] of Object.entries(value)) {
    if (key === 'field') continue;
    if (!COMPARISONS.includes(key as Comparison))
      fail('condition', `unknown comparison \`${key}\`; expected one of ${COMPARISONS.join(', ')}`);
    if (typeof raw !== 'number' || !Number.isInteger(raw))
      fail('condition', `\`${key}\` needs a whole number`);
    comparisons.push({ op: key as Comparison, value: raw as number });
  }
  if (comparisons.length === 0) fail('condition', 'expected a comparison like `gte: 5`');
  return comparisons;
}

function readAliases(value: unknown, fail: Fail): CorrelationSpec['aliases'] {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) return fail('aliases', 'expected a map of alias → rule name → field');
  const aliases: CorrelationSpec['aliases'] = {};
  for (const [alias, perRule] of Object.entries(value)) {
    if (!isObject(perRule)) fail('aliases', `\`${alias}\`: expected a map of rule name → field`);
    const fields: Record<string, string> = {};
    for (const [rule, field] of Object.entries(perRule as Record<string, unknown>)) {
      fields[rule] =
        typeof field === 'string' ? field : fail('aliases', `\`${alias}.${rule}\`: expected a field name`);
    }
    aliases[alias] = fields;
  }
  return aliases;
}
