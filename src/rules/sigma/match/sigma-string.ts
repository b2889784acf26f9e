/**
 * A Sigma string value with its wildcards kept apart from literal text: `*` and `?` become two
 * private-use characters, so modifiers can add or move them and literal `*`/`?` (written `\*`,
 * `\?`) stay literal. Events never hold these characters in a place where they matter: only the
 * pattern side uses them.
 */
export const MULTI = '\uE000';
export const SINGLE = '\uE001';

const WILDCARDS = /[\uE000\uE001]/;

/**
 * Reads Sigma's escaping as pySigma does: a backslash before `*`, `?` or another backslash makes
 * that character literal; any other backslash is itself literal (so `C:\Windows` needs no escape).
 */
export function parseSigmaString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '\\') {
      const next = text[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        out += next;
        i++;
      } else out += '\\';
    } else if (char === '*') out += MULTI;
    else if (char === '?') out += SINGLE;
    else out += char;
  }
  return out;
}

export function hasWildcards(pattern: string): boolean {
  return WILDCARDS.test(pattern);
}

/** The pattern written back in Sigma syntax, for messages. */
export function formatSigmaString(pattern: string): string {
  return pattern
    .replace(/[\\*?]/g, (char) => `\\${char}`)
    .replaceAll(MULTI, '*')
    .replaceAll(SINGLE, '?');
}

/** What a pattern needs from a text: cheap forms first, a whole-text regular expression last. */
export type PatternShape =
  | { kind: 'equals'; text: string }
  | { kind: 'contains' | 'startswith' | 'endswith'; text: string }
  | { kind: 'anything' }
  | { kind: 'regex'; source: string };

export function shapeOf(pattern: string): PatternShape {
  if (!hasWildcards(pattern)) return { kind: 'equals', text: pattern };
  const inner = pattern.slice(1, -1);
  if (/^\uE000+$/.test(pattern)) return { kind: 'anything' };
  if (pattern.startsWith(MULTI) && pattern.endsWith(MULTI) && !hasWildcards(inner))
    return { kind: 'contains', text: inner };
  const head = pattern.slice(0, -1);
  if (pattern.endsWith(MULTI) && !hasWildcards(head)) return { kind: 'startswith', text: head };
  const tail = pattern.slice(1);
  if (pattern.startsWith(MULTI) && !hasWildcards(tail)) return { kind: 'endswith', text: tail };
  return { kind: 'regex', source: toRegexSource(pattern) };
}

/** A whole-text RE2 pattern: literal text escaped, `*` any run of characters, `?` one character. */
function toRegexSource(pattern: string): string {
  let source = '(?s)';
  for (const char of pattern) {
    if (char === MULTI) source += '.*';
    else if (char === SINGLE) source += '.';
    else source += escapeRegexChar(char);
  }
  return source;
}

function escapeRegexChar(char: string): string {
  if (/[\\^$.|?*+()[\]{}]/.test(char)) return `\\${char}`;
  const code = char.codePointAt(0) as number;
  // Control characters (the NULs of `wide`) as \x{..}, which RE2 reads anywhere.
  return code < 0x20 ? `\\x{${code.toString(16)}}` : char;
}
