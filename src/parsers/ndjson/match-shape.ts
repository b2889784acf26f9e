import { escapedStringEnd, numberEnd, plainStringEnd } from './json-token-end.ts';
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
  /** Where a ByteMatcher keeps its literals (0: it cannot match it), once asked (see match-bytes.ts), and its generation then. */
  table: number | undefined;
  tableGeneration: number;
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
  return {
    shape,
    literals,
    live: Int32Array.from(live),
    kinds,
    stepOf,
    fixed,
    shared: new Map(),
    table: undefined,
    tableGeneration: 0,
  };
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
 * Whether `line` holds `literal` at `at`. Comparing a slice (a view, nothing copied; a short one a
 * small copy) with `===` compares memory at once; startsWith goes character by character, slower
 * from 4 characters on (about 1.3x at 10, 2x at 250 on Node 20).
 */
function sameText(line: string, at: number, literal: string): boolean {
  const end = at + literal.length;
  if (end > line.length) return false;
  return line.slice(at, end) === literal;
}
