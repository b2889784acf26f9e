import { compileLinearRegex } from '../../core/index.ts';

/**
 * Shell-style wildcards for one path segment, as Go's filepath.Match (which Filebeat uses):
 * `*` any run of characters, `?` one character, `[abc]`, `[a-z]`, `[!a-z]` or `[^a-z]` one
 * character of (or not of) a set, `\x` a literal x. Wildcards never match `/`; like Go (and
 * unlike the shell) `*` matches a leading dot too.
 */

const SYNTAX = '^$\\.*+?()[]{}|/';
const CLASS_SYNTAX = SYNTAX + '-';

/** Whether a segment holds an unescaped wildcard, i.e. names several files rather than one. */
export function hasWildcard(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    if (char === '\\') i++;
    else if (char === '*' || char === '?' || char === '[') return true;
  }
  return false;
}

/** The segment with its escapes removed, for a segment without wildcards. */
export function unescapeSegment(segment: string): string {
  return segment.replace(/\\(.)/gu, '$1');
}

/** Tests whole names against one path segment. */
export interface GlobMatcher {
  test(name: string): boolean;
}

/**
 * A matcher of whole names for the segment (linear time: `*a*a*a*b` cannot backtrack over a
 * long file name); throws an Error naming the mistake.
 */
export function compileGlobSegment(segment: string): GlobMatcher {
  const chars = Array.from(segment);
  let source = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const set = compileCharacterSet(chars, i + 1, segment);
      source += set.source;
      i = set.end;
    } else if (char === '\\') {
      const next = chars[++i];
      if (next === undefined) throw new Error(`\`${segment}\` ends in a lone \\`);
      source += escapeFor(next, SYNTAX);
    } else source += escapeFor(char, SYNTAX);
  }
  const regex = compileLinearRegex(source, { whole: true });
  if (!regex.ok) throw new Error(`\`${segment}\` is not a valid pattern: ${regex.message}`);
  return { test: regex.test };
}

/** Compiles `[...]` whose contents start at `start`; `end` is the index of the closing `]`. */
function compileCharacterSet(
  chars: string[],
  start: number,
  segment: string,
): { source: string; end: number } {
  let i = start;
  const negated = chars[i] === '!' || chars[i] === '^';
  if (negated) i++;
  let items = '';
  let first = true;
  for (; i < chars.length; i++) {
    let char = chars[i] as string;
    if (char === ']' && !first) {
      return { source: `[${negated ? '^/' : ''}${items}]`, end: i };
    }
    first = false;
    if (char === '\\') char = requireChar(chars[++i], segment);
    let item = escapeFor(char, CLASS_SYNTAX);
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
      i += 2;
      let high = chars[i] as string;
      if (high === '\\') high = requireChar(chars[++i], segment);
      if ((high.codePointAt(0) as number) < (char.codePointAt(0) as number)) {
        throw new Error(`\`${segment}\` has the reversed range ${char}-${high}`);
      }
      item += `-${escapeFor(high, CLASS_SYNTAX)}`;
    }
    items += item;
  }
  throw new Error(`\`${segment}\` has a [ without its closing ]`);
}

function requireChar(char: string | undefined, segment: string): string {
  if (char === undefined) throw new Error(`\`${segment}\` has a [ without its closing ]`);
  return char;
}

function escapeFor(char: string, syntax: string): string {
  return syntax.includes(char) ? `\\${char}` : char;
}
