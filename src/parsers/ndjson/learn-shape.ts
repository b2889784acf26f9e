import type { FieldTrie } from './field-trie.ts';
import type { Plan, Recipe, Want } from './shape-recipe.ts';
import { escapedStringEnd } from './json-token-end.ts';
import { compilePlan, wantOf } from './shape-recipe.ts';

/**
 * The shape of a JSON line: its text with every string and number value cut out as a hole. Once
 * a line JSON.parse accepted is learnt, any line that is the same text around holes holding other
 * valid JSON strings and numbers is the same document with other values, so it is JSON too (as
 * deep, as valid), and the fields a recipe selects can be built from the holes without parsing it.
 */
export interface LearntShape {
  /** Text of the first line around its holes: hole i lies between literals[i] and literals[i + 1]. */
  literals: string[];
  /** Per hole: 0 string (without its quotes), 1 number. */
  kinds: Uint8Array;
  /** Per hole: its text in the first line. */
  firstText: string[];
  recipe: Recipe;
  /** The recipe of a document (an object), compiled. */
  plan: Plan | undefined;
}

interface Cursor {
  at: number;
  escapedKey: boolean;
}

interface Hole {
  start: number;
  end: number;
  kind: number;
}

/**
 * Learns the shape of `line` (which JSON.parse accepted) and the recipe for the fields `trie`
 * names; undefined when a key holds an escape (it would have to be decoded to be compared).
 */
export function learnShape(line: string, trie: FieldTrie): LearntShape | undefined {
  const holes: Hole[] = [];
  const cursor = { at: 0, escapedKey: false };
  const recipe = readValue(line, cursor, trie, holes) as Recipe;
  if (cursor.escapedKey) return undefined;
  const literals: string[] = [];
  let from = 0;
  for (const hole of holes) {
    literals.push(line.slice(from, hole.start));
    from = hole.end;
  }
  literals.push(line.slice(from));
  return {
    literals,
    kinds: Uint8Array.from(holes, (hole) => hole.kind),
    firstText: holes.map((hole) => line.slice(hole.start, hole.end)),
    recipe,
    plan: recipe.kind === 'object' ? compilePlan(recipe.entries, true) : undefined,
  };
}

function readValue(line: string, cursor: Cursor, want: Want, holes: Hole[]): Recipe | undefined {
  skipBlanks(line, cursor);
  const start = cursor.at;
  const code = line.charCodeAt(start);
  if (code === 123) return readObject(line, cursor, want, holes);
  if (code === 91) return readArray(line, cursor, want === 'none' ? 'none' : 'whole', holes);
  if (code === 34) {
    const end = escapedStringEnd(line, start + 1);
    cursor.at = end + 1;
    holes.push({ start: start + 1, end, kind: 0 });
    return want === 'none' ? undefined : { kind: 'string', hole: holes.length - 1 };
  }
  for (const [word, value] of LITERALS) {
    if (line.startsWith(word, start)) {
      cursor.at = start + word.length;
      return want === 'none' ? undefined : { kind: 'constant', value };
    }
  }
  let end = start + 1;
  while (end < line.length && NUMBER_CHAR.test(line.charAt(end))) end++;
  cursor.at = end;
  holes.push({ start, end, kind: 1 });
  return want === 'none' ? undefined : { kind: 'number', hole: holes.length - 1 };
}

const LITERALS: [string, boolean | null][] = [
  ['true', true],
  ['false', false],
  ['null', null],
];
const NUMBER_CHAR = /[0-9eE.+-]/;

function readObject(line: string, cursor: Cursor, want: Want, holes: Hole[]): Recipe | undefined {
  const entries: [string, Recipe][] = [];
  cursor.at++;
  skipBlanks(line, cursor);
  if (line.charCodeAt(cursor.at) === 125) {
    cursor.at++;
  } else {
    for (;;) {
      skipBlanks(line, cursor);
      const keyEnd = escapedStringEnd(line, cursor.at + 1);
      const key = line.slice(cursor.at + 1, keyEnd);
      if (key.includes('\\')) cursor.escapedKey = true;
      cursor.at = line.indexOf(':', keyEnd) + 1;
      const value = readValue(line, cursor, wantOf(want, key), holes);
      if (value !== undefined) entries.push([key, value]);
      skipBlanks(line, cursor);
      if (line.charCodeAt(cursor.at++) === 125) break;
    }
  }
  return want === 'none' ? undefined : { kind: 'object', entries };
}

function readArray(line: string, cursor: Cursor, want: Want, holes: Hole[]): Recipe | undefined {
  const items: Recipe[] = [];
  cursor.at++;
  skipBlanks(line, cursor);
  if (line.charCodeAt(cursor.at) === 93) {
    cursor.at++;
  } else {
    for (;;) {
      const item = readValue(line, cursor, want, holes);
      if (item !== undefined) items.push(item);
      skipBlanks(line, cursor);
      if (line.charCodeAt(cursor.at++) === 93) break;
    }
  }
  return want === 'none' ? undefined : { kind: 'array', items };
}

function skipBlanks(line: string, cursor: Cursor): void {
  let code = line.charCodeAt(cursor.at);
  while (code === 32 || code === 9 || code === 10 || code === 13) code = line.charCodeAt(++cursor.at);
}
