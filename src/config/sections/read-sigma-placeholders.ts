import type { PathIssue } from '../yaml/path-issue.ts';

const NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * `sigma_placeholders:`, the values of Sigma `expand` placeholders by name (`Administrators:
 * [admin, 'adm_*']`, Sigma wildcards allowed). A Sigma rule naming a placeholder not listed here
 * is refused with the placeholder named.
 */
export function readSigmaPlaceholders(value: unknown, issues: PathIssue[]): Record<string, string[]> {
  const placeholders: Record<string, string[]> = {};
  if (value === undefined || value === null) return placeholders;
  if (typeof value !== 'object' || Array.isArray(value)) {
    issues.push({
      path: ['sigma_placeholders'],
      message: 'expected a map of placeholder name → list of values',
    });
    return placeholders;
  }
  for (const [name, values] of Object.entries(value)) {
    const path = ['sigma_placeholders', name];
    if (!NAME.test(name)) issues.push({ path, message: 'expected a placeholder name like `Administrators`' });
    else if (
      !Array.isArray(values) ||
      values.length === 0 ||
      !values.every((item) => typeof item === 'string')
    )
      issues.push({ path, message: 'expected a non-empty list of text values' });
    else Object.defineProperty(placeholders, name, { value: values, enumerable: true });
  }
  return placeholders;
}
