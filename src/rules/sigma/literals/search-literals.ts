import { isObject } from '../../../core/index.ts';
import { MULTI, SINGLE, parseSigmaString } from '../match/sigma-string.ts';
import { regexLiteral } from './regex-literal.ts';

/**
 * What a search needs: one of these (Sigma field, lowercased literal) pairs occurs, the literal
 * inside the field's text. Null: nothing cheap is known (the search may match without literals).
 */
export type Need = { field: string; literal: string }[] | null;

/** Modifiers whose values stay substrings of the matched text (after lowercasing). */
const PLAIN = new Set(['contains', 'startswith', 'endswith', 'all', 'cased', 'windash']);
/** `re` and its flags: the regular expression's own literal text is necessary. */
const REGEX = new Set(['re', 'i', 'm', 's', 'all']);
const SPLIT = new RegExp(`[${MULTI}${SINGLE}]`);
/** `windash` swaps a leading `-` or `/` for dashes of other widths: pieces stop at any of them. */
const DASHES = /[-/\u2013\u2014\u2015]/;

/** The shortest literal of a need: the larger, the fewer events it lets through. */
export function strength(need: Need): number {
  if (need === null || need.length === 0) return 0;
  return Math.min(...need.map((pair) => pair.literal.length));
}

/** One search's definition: a map is an AND (its strongest item), a list of maps an OR. */
export function searchNeed(definition: unknown): Need {
  if (isObject(definition)) return mapNeed(definition);
  if (Array.isArray(definition) && definition.length > 0 && definition.every(isObject)) {
    return union(definition.map((map) => mapNeed(map as Record<string, unknown>)));
  }
  return null;
}

export function union(needs: Need[]): Need {
  if (needs.length === 0 || needs.some((need) => need === null)) return null;
  return needs.flatMap((need) => need ?? []);
}

export function strongest(needs: Need[]): Need {
  let best: Need = null;
  for (const need of needs) if (strength(need) > strength(best)) best = need;
  return best;
}

function mapNeed(map: Record<string, unknown>): Need {
  return strongest(Object.entries(map).map(([key, raw]) => itemNeed(key, raw)));
}

/**
 * Fields not worth a scan: the `event.code` prefilter already covers `EventID`, and a channel or
 * provider is the same for every event of a log source.
 */
const PREFILTERED = new Set(['EventID', 'Channel', 'Provider_Name']);

function itemNeed(key: string, raw: unknown): Need {
  const [field = '', ...modifiers] = key.split('|');
  if (PREFILTERED.has(field)) return null;
  const regex = modifiers.includes('re');
  if (field === '' || !modifiers.every((name) => (regex ? REGEX : PLAIN).has(name))) return null;
  const values = Array.isArray(raw) ? raw : [raw];
  if (values.length === 0) return null;
  const literals = values.map((value) =>
    regex
      ? typeof value === 'string'
        ? regexLiteral(value)
        : undefined
      : longestPiece(value, modifiers.includes('windash')),
  );
  if (literals.some((literal) => literal === undefined)) return null;
  const pairs = (literals as string[]).map((literal) => ({ field, literal }));
  // `all`: every value must occur, so the longest one alone is necessary.
  return modifiers.includes('all') ? strongest(pairs.map((pair) => [pair])) : pairs;
}

/** The longest run of literal text of a value, lowercased; undefined when it has none. */
function longestPiece(value: unknown, windash: boolean): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  let pieces = parseSigmaString(value).split(SPLIT);
  if (windash) pieces = pieces.flatMap((piece) => piece.split(DASHES));
  const longest = pieces.reduce((best, piece) => (piece.length > best.length ? piece : best), '');
  return longest === '' ? undefined : longest.toLowerCase();
}
