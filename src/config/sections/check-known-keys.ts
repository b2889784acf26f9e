import { formatSuggestion } from '../suggest.ts';
import type { NodePath } from '../yaml/locate.ts';
import type { PathIssue } from '../yaml/path-issue.ts';

/** Unknown keys of the map at `at`, pointed at the key, with a "did you mean" when one is close. */
export function checkKnownKeys(value: unknown, known: readonly string[], at: NodePath): PathIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const issues: PathIssue[] = [];
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const hint = formatSuggestion(key, known) || `; expected one of ${known.join(', ')}`;
    issues.push({ path: [...at, key], part: 'key', message: `unknown field \`${key}\`${hint}` });
  }
  return issues;
}
