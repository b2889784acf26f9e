/** Filebeat's `related.*` lists of an auth.log event: each account once, the address, the host. */
export function relatedFields(
  users: readonly (string | undefined)[],
  ip: string | undefined,
  hostname: string | undefined,
): Record<string, string[]> {
  const related: Record<string, string[]> = {};
  const named = [...new Set(users)].filter((name): name is string => name !== undefined);
  if (named.length > 0) related.user = named;
  if (ip !== undefined) related.ip = [ip];
  if (hostname !== undefined) related.hosts = [hostname];
  return related;
}
