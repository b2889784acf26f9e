/**
 * Where JSON tokens end, checked as strictly as JSON.parse checks them: the text of a string (from
 * after its opening quote) and a number.
 */

/** End of a string's text starting at `from` (its closing quote); -2 at a `\`, -1 when it is no JSON string. */
export function plainStringEnd(line: string, from: number): number {
  const length = line.length;
  for (let i = from; i < length; i++) {
    const code = line.charCodeAt(i);
    if (code === 34) return i;
    if (code === 92) return -2;
    if (code < 32) return -1;
  }
  return -1;
}

/** End of a string's text that holds escapes, each checked as JSON.parse would; -1 when it is no JSON string. */
export function escapedStringEnd(line: string, from: number): number {
  const length = line.length;
  for (let i = from; i < length; i++) {
    const code = line.charCodeAt(i);
    if (code === 34) return i;
    if (code < 32) return -1;
    if (code === 92) {
      const next = line.charCodeAt(++i);
      if (next === 117) {
        if (!isHex(line, i + 1) || !isHex(line, i + 2) || !isHex(line, i + 3) || !isHex(line, i + 4))
          return -1;
        i += 4;
      } else if (!SIMPLE_ESCAPES.includes(next)) {
        return -1;
      }
    }
  }
  return -1;
}

// " \ / b f n r t
const SIMPLE_ESCAPES = [34, 92, 47, 98, 102, 110, 114, 116];

function isHex(line: string, i: number): boolean {
  const code = line.charCodeAt(i);
  const lower = code | 32;
  return (code >= 48 && code <= 57) || (lower >= 97 && lower <= 102);
}

/** End of a JSON number (-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?) starting at `from`, or -1. */
export function numberEnd(line: string, from: number): number {
  let i = line.charCodeAt(from) === 45 ? from + 1 : from;
  const first = line.charCodeAt(i);
  if (first === 48) i++;
  else if (first >= 49 && first <= 57) i = digitsEnd(line, i);
  else return -1;
  if (line.charCodeAt(i) === 46) {
    const after = digitsEnd(line, i + 1);
    if (after === i + 1) return -1;
    i = after;
  }
  const exponent = line.charCodeAt(i);
  if (exponent === 101 || exponent === 69) {
    const sign = line.charCodeAt(i + 1);
    const digits = sign === 43 || sign === 45 ? i + 2 : i + 1;
    i = digitsEnd(line, digits);
    if (i === digits) return -1;
  }
  return i;
}

function digitsEnd(line: string, from: number): number {
  let i = from;
  let code = line.charCodeAt(i);
  while (code >= 48 && code <= 57) code = line.charCodeAt(++i);
  return i;
}
