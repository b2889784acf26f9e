import type * as z from 'zod';
import { formatSuggestion } from '../suggest.ts';
import type { PathIssue } from './path-issue.ts';

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a map',
  record: 'a map',
};

export interface ConvertOptions {
  /** Never quote the value that was given (secrets): say only what kind of value it was. */
  hideValues?: boolean;
}

/** Turns zod's issues into messages that speak of YAML (lists, maps) rather than JavaScript. */
export function convertZodIssues(
  issues: readonly z.core.$ZodIssue[],
  options: ConvertOptions = {},
): PathIssue[] {
  const describeValue = options.hideValues ? describeKind : quoteValue;
  return issues.flatMap((issue): PathIssue[] => {
    const path = issue.path.filter((step): step is string | number => typeof step !== 'symbol');
    if (issue.code === 'unrecognized_keys') return pointAtKeys(issue, path);
    return [{ path, message: describeZodIssue(issue, describeValue) }];
  });
}

/** A strict object's unknown keys, each pointed at where it is written. */
function pointAtKeys(issue: z.core.$ZodIssueUnrecognizedKeys, path: PathIssue['path']): PathIssue[] {
  const custom = !issue.message.startsWith('Unrecognized key');
  return issue.keys.map((key) => ({
    path: [...path, key],
    part: 'key',
    message: custom ? issue.message : `unknown field \`${key}\``,
  }));
}

function describeZodIssue(issue: z.core.$ZodIssue, describeValue: (value: unknown) => string): string {
  const input = 'input' in issue ? issue.input : undefined;
  // YAML never yields undefined, so an undefined input is a field that is not there.
  if (input === undefined && issue.code !== 'custom') return 'required field is missing';
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describeValue(input)}`;
    case 'invalid_value': {
      const options = issue.values.map(String);
      const quoted = describeValue === quoteValue && typeof input === 'string';
      const suggestion = quoted ? formatSuggestion(input, options) : '';
      return `expected one of ${options.join(', ')}, got ${describeValue(input)}${suggestion}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} items`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${issue.minimum}`;
    default:
      return issue.message;
  }
}

function quoteValue(value: unknown): string {
  if (value === null || typeof value === 'object') return describeKind(value);
  return `\`${String(value)}\``;
}

function describeKind(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return TYPE_NAMES[typeof value] ?? typeof value;
}
