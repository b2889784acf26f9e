/** Keys a line may have at most. */
const MOST_KEYS = 64;
const KEY = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

/**
 * A logfmt line's `key=value` pairs (values bare, or quoted with `\"` and `\\` escapes), the first
 * of each key kept; undefined when the line is not logfmt (a pair without `=`, a quote left open).
 */
export function readLogfmt(line: string): Map<string, string> | undefined {
  const fields = new Map<string, string>();
  let at = 0;
  while (at < line.length) {
    if (line.charCodeAt(at) === 32) {
      at++;
      continue;
    }
    const equals = line.indexOf('=', at);
    if (equals === -1) return undefined;
    const key = line.slice(at, equals);
    if (!KEY.test(key) || fields.size >= MOST_KEYS) return undefined;
    let value: string;
    if (line.charCodeAt(equals + 1) === 34 /* " */) {
      value = '';
      let index = equals + 2;
      for (;;) {
        if (index >= line.length) return undefined;
        const code = line.charCodeAt(index);
        if (code === 34) break;
        if (code === 92 /* \ */ && index + 1 < line.length) {
          value += line[index + 1];
          index += 2;
        } else {
          value += line[index];
          index++;
        }
      }
      at = index + 1;
    } else {
      const space = line.indexOf(' ', equals + 1);
      value = line.slice(equals + 1, space === -1 ? line.length : space);
      at = space === -1 ? line.length : space;
    }
    if (!fields.has(key)) fields.set(key, value);
  }
  return fields;
}
