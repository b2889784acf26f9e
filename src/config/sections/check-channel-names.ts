import { formatSuggestion } from '../suggest.ts';
import type { NodePath } from '../yaml/locate.ts';
import type { PathIssue } from '../yaml/path-issue.ts';

/** Issues for the names in `list` (as written) that are not configured channels. */
export function checkChannelNames(list: unknown, at: NodePath, known: ReadonlySet<string>): PathIssue[] {
  if (!Array.isArray(list)) return [];
  const issues: PathIssue[] = [];
  const names = [...known].sort();
  list.forEach((name, index) => {
    if (typeof name !== 'string' || name === '' || known.has(name)) return;
    const configured = names.length > 0 ? names.join(', ') : 'none';
    issues.push({
      path: [...at, index],
      message: `no channel named \`${name}\` is configured${formatSuggestion(name, names)} (configured: ${configured})`,
    });
  });
  return issues;
}
