/** The group as JSON with its keys sorted, so `{a, b}` and `{b, a}` are the same group. */
export function canonicalGroupKey(group: Record<string, string>): string {
  const keys = Object.keys(group).sort();
  const sorted: Record<string, string> = {};
  for (const key of keys) sorted[key] = group[key] as string;
  return JSON.stringify(sorted);
}

/** The group's values, lowercase, one a line: what an incident search matches against. */
export function groupSearchText(group: Record<string, string>): string {
  return Object.values(group)
    .map((value) => String(value).toLowerCase())
    .join('\n');
}
