/** At most this many `key=value` pairs are read from a line: a FortiGate traffic log has about 60, a SonicWall line about 30. */
export const MOST_PAIRS = 160;
const MOST_KEY_CHARS = 64;
/** Header words (syslog's PRI, time and host, a relay's prefix) before a record's first pair. */
const MOST_HEADER_WORDS = 8;

/**
 * Where a line's pairs start: past syslog's `<PRI>` and up to MOST_HEADER_WORDS words that are no
 * pair, at a word that begins with one of `firstKeys` (`date=`); -1 if none does.
 */
export function pairsStart(line: string, firstKeys: readonly string[]): number {
  let at = 0;
  if (line.charCodeAt(0) === 60 /* < */) {
    const close = line.indexOf('>');
    if (close < 2 || close > 4) return -1;
    at = close + 1;
  }
  for (let word = 0; word <= MOST_HEADER_WORDS; word++) {
    while (line.charCodeAt(at) === 32) at++;
    for (const key of firstKeys) if (line.startsWith(key, at)) return at;
    const space = line.indexOf(' ', at);
    if (space < 0 || line.lastIndexOf('=', space) >= at) return -1;
    at = space;
  }
  return -1;
}

/**
 * A firewall's `key=value` pairs (FortiOS's, SonicOS's) from `start`, separated by spaces: a value is quoted (`"..."`, a quote or
 * backslash inside escaped with a backslash) or runs to the next space; a word that is no pair (no
 * `=`, an empty or long key) is passed over. Undefined for an unclosed quote, or more than MOST_PAIRS.
 * One pass over the line; a key met twice keeps its first value, so a later copy cannot override it.
 */
export function readKeyValues(text: string, start: number): Map<string, string> | undefined {
  const pairs = new Map<string, string>();
  let at = start;
  const end = text.length;
  while (at < end) {
    while (at < end && text.charCodeAt(at) === 32) at++;
    if (at >= end) break;
    const equals = keyEnd(text, at);
    if (equals < 0) {
      // A word that is no pair (an unquoted value holding a space): passed over.
      const space = text.indexOf(' ', at);
      if (space < 0) break;
      at = space;
      continue;
    }
    const key = text.slice(at, equals);
    at = equals + 1;
    let value: string;
    if (text.charCodeAt(at) === 34 /* " */) {
      const close = closingQuote(text, at + 1);
      if (close < 0) return undefined;
      value = unescape(text.slice(at + 1, close));
      at = close + 1;
      if (at < end && text.charCodeAt(at) !== 32) return undefined;
    } else {
      const space = text.indexOf(' ', at);
      const stop = space < 0 ? end : space;
      value = text.slice(at, stop);
      at = stop;
    }
    if (!pairs.has(key)) {
      if (pairs.size >= MOST_PAIRS) return undefined;
      pairs.set(key, value);
    }
  }
  return pairs;
}

/** Where the key starting at `at` ends (its `=`), or -1 for a word that is not a key. */
function keyEnd(text: string, at: number): number {
  const limit = Math.min(text.length, at + MOST_KEY_CHARS + 1);
  for (let index = at; index < limit; index++) {
    const code = text.charCodeAt(index);
    if (code === 61 /* = */) return index === at ? -1 : index;
    const word =
      (code >= 97 && code <= 122) ||
      (code >= 65 && code <= 90) ||
      (code >= 48 && code <= 57) ||
      code === 95 ||
      code === 45;
    if (!word) return -1;
  }
  return -1;
}

/** The index of the quote that closes a value opened before `from`, or -1. */
function closingQuote(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 92 /* \ */) index++;
    else if (code === 34) return index;
  }
  return -1;
}

function unescape(value: string): string {
  return value.includes('\\') ? value.replace(/\\(["\\])/g, '$1') : value;
}
