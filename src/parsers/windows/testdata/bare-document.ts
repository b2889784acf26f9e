/** A Winlogbeat document as Windows wrote it, without the fields Winlogbeat's mapping adds. */
export function bareDocument(line: string): string {
  const doc = JSON.parse(line) as Record<string, Record<string, unknown>>;
  for (const field of ['user', 'source', 'related', 'process']) delete doc[field];
  for (const field of ['category', 'type', 'action', 'outcome', 'module', 'reason'])
    delete doc.event?.[field];
  delete doc.winlog?.logon;
  return JSON.stringify(doc);
}
