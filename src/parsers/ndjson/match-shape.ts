import type { LearntShape } from './learn-shape.ts';

/**
 * A learnt shape in matching form: steps of literal text, each but the last followed by a hole
 * still read from each line (`live`); the other holes (values every line so far had the same) are
 * folded into the literal text.
 */
export interface ShapePattern {
  shape: LearntShape;
  literals: string[];
  /** Per step: the hole it reads. */
  live: Int32Array;
  /** Per step: the kind of its hole (0 string, 1 number). */
  kinds: Uint8Array;
  /** Per hole of the shape: the step that reads it, or -1 when it is folded. */
  stepOf: Int32Array;
  /** Per hole of the shape: its value's text when it is folded into the literals. */
  fixed: (string | undefined)[];
  /** Steps this pattern has in common with others, from the first (filled as they are compared). */
  shared: Map<ShapePattern, number>;
}

/** All holes live: matches every line of the shape. */
export function generalPattern(shape: LearntShape): ShapePattern {
  return patternOf(
    shape,
    shape.literals,
    [...shape.kinds.keys()],
    new Array(shape.kinds.length).fill(undefined),
  );
}

/** Holes whose `varied` flag is 0 folded into the literals. */
export function refinedPattern(shape: LearntShape, varied: Uint8Array): ShapePattern {
  const literals: string[] = [];
  const live: number[] = [];
  const fixed: (string | undefined)[] = [];
  let pending = shape.literals[0] as string;
  for (let hole = 0; hole < shape.kinds.length; hole++) {
    const after = shape.literals[hole + 1] as string;
    if (varied[hole] === 1) {
      literals.push(pending);
      live.push(hole);
      fixed.push(undefined);
      pending = after;
    } else {
      const text = shape.firstText[hole] as string;
      fixed.push(shape.kinds[hole] === 0 ? (JSON.parse(`"${text}"`) as string) : text);
      pending += text + after;
    }
  }
  literals.push(pending);
  // Flat strings: a long chain of concatenations would be flattened on every comparison.
  return patternOf(shape, literals.map(flatten), live, fixed);
}

function patternOf(
  shape: LearntShape,
  literals: string[],
  live: number[],
  fixed: (string | undefined)[],
): ShapePattern {
  const stepOf = new Int32Array(shape.kinds.length).fill(-1);
  live.forEach((hole, step) => (stepOf[hole] = step));
  const kinds = Uint8Array.from(live, (hole) => shape.kinds[hole] as number);
  return { shape, literals, live: Int32Array.from(live), kinds, stepOf, fixed, shared: new Map() };
}

function flatten(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** How many steps two patterns have in common from the first: same literal, same kind of hole. */
export function sharedSteps(a: ShapePattern, b: ShapePattern): number {
  const known = a.shared.get(b);
  if (known !== undefined) return known;
  const last = Math.min(a.kinds.length, b.kinds.length);
  let step = 0;
  while (step < last && a.kinds[step] === b.kinds[step] && a.literals[step] === b.literals[step]) step++;
  a.shared.set(b, step);
  b.shared.set(a, step);
  return step;
}

/** Where each step's hole of the line being matched lies; `escaped` 1: its string holds an escape. */
export interface HoleSpans {
  starts: Int32Array;
  ends: Int32Array;
  escaped: Uint8Array;
}

/** Returned by matchPattern for a line that matches. */
export const MATCHED = -1;

/**
 * Matches `line` against the pattern's literal text around live holes holding JSON strings
 * (without their quotes) and JSON numbers, from step `from` on (the steps before it were matched
 * already, by this pattern or one sharing them); fills `spans` per step. Returns MATCHED, or the
 * step that failed.
 */
export function matchPattern(pattern: ShapePattern, line: string, spans: HoleSpans, from: number): number {
  const { literals, kinds } = pattern;
  const { starts, ends, escaped } = spans;
  const steps = kinds.length;
  let at = from === 0 ? 0 : (ends[from - 1] as number);
  for (let step = from; step < steps; step++) {
    const literal = literals[step] as string;
    if (!sameText(line, at, literal)) return step;
    at += literal.length;
    let end: number;
    if (kinds[step] === 0) {
      end = plainStringEnd(line, at);
      escaped[step] = 0;
      if (end === -2) {
        end = escapedStringEnd(line, at);
        escaped[step] = 1;
      }
    } else {
      end = numberEnd(line, at);
    }
    if (end < 0) return step;
    starts[step] = at;
    ends[step] = end;
    at = end;
  }
  const last = literals[steps] as string;
  return line.length === at + last.length && sameText(line, at, last) ? MATCHED : steps;
}

/**
 * Whether `line` holds `literal` at `at`. Comparing a slice (a view, nothing copied) with `===`
 * compares memory at once; startsWith goes character by character, several times slower on the
 * long literals of a shape.
 */
function sameText(line: string, at: number, literal: string): boolean {
  const end = at + literal.length;
  if (end > line.length) return false;
  return literal.length < 16 ? line.startsWith(literal, at) : line.slice(at, end) === literal;
}

/** End of a string's text starting at `from` (its closing quote); -2 at a `\`, -1 when it is no JSON string. */
function plainStringEnd(line: string, from: number): number {
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
function numberEnd(line: string, from: number): number {
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
