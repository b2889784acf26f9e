/** Apache's names in syslog (ErrorLog syslog:): `httpd`, `apache2`, `apache`, or one with a suffix (`httpd/backend1`). */
const NAMES = ['httpd', 'apache2', 'apache'];

/** Whether `text` holds one of Apache's syslog program names from `start` to `end` (no string is made). */
export function isApacheProgramAt(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length > 64) return false;
  for (const name of NAMES) {
    if (!text.startsWith(name, start)) continue;
    if (length === name.length || text.charCodeAt(start + name.length) === 47 /* / */) return true;
  }
  return false;
}
