import type * as z from 'zod';
import type { PathIssue } from './path-issue.ts';
import { formatSuggestion } from './suggest.ts';

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: '`true` or `false`',
  array: 'a list',
  object: 'a map',
  record: 'a map',
};

/** Turns zod's issues into messages that speak of YAML (lists, maps) rather than JavaScript. */
export function convertZodIssues(issues: readonly z.core.$ZodIssue[]): PathIssue[] {
  return issues.map((issue) => ({
    path: issue.path.filter((step): step is string | number => typeof step !== 'symbol'),
    message: describeZodIssue(issue),
  }));
}

function describeZodIssue(issue: z.core.$ZodIssue): string {
  const input = 'input' in issue ? issue.input : undefined;
  // YAML never yields undefined, so an undefined input is a field that is not there.
  if (input === undefined && issue.code !== 'custom') return 'required field is missing';
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describeValue(input)}`;
    case 'invalid_value': {
      const options = issue.values.map(String);
      const suggestion = typeof input === 'string' ? formatSuggestion(input, options) : '';
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

function describeValue(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `\`${String(value)}\``;
}
