import type { ParserDefinition } from './parser.ts';
import { chooseMix, MIX_SEPARATOR, mixedDefinition } from './mixed-formats.ts';

/** How many non-empty lines `chooseParser` looks at (comment lines not counted). */
export const SNIFF_LINES = 50;

/** Below this score no parser is considered a fit. */
export const MIN_SNIFF_SCORE = 0.5;

/** A format whose files are binary: recognised by their first bytes, read as records, not lines. */
export interface BinaryFormat {
  format: string;
  description: string;
  /** Whether the first bytes of a file (at least 8) are this format's signature. */
  matches(head: Uint8Array): boolean;
}

/** The binary format whose signature starts `head`, if any. */
export function sniffBinaryFormatIn(
  formats: readonly BinaryFormat[],
  head: Uint8Array,
): BinaryFormat | undefined {
  return formats.find((format) => format.matches(head));
}

export interface ParserScore {
  format: string;
  score: number;
}

export type ParserChoice =
  | { kind: 'found'; parser: ParserDefinition; score: number; scores: ParserScore[] }
  | { kind: 'none'; message: string; scores: ParserScore[] };

/** How many events `definition` reads from `lines` (a parser that throws reads none). */
function eventsRead(definition: ParserDefinition, lines: readonly string[]): number {
  let events = 0;
  try {
    const parser = definition.create({});
    for (const line of lines) parser.parseLine(line, () => events++);
  } catch {
    return 0;
  }
  return events;
}

/**
 * The definition for a `--format` value (case and surrounding spaces ignored); formats joined by
 * `+` (`roundcube+sshd`, as a replay names a mixed file's) are read as a mix, in that order.
 */
export function findParserIn(
  definitions: readonly ParserDefinition[],
  format: string,
): ParserDefinition | undefined {
  const wanted = format.trim().toLowerCase();
  if (wanted.includes(MIX_SEPARATOR)) {
    const members = wanted.split(MIX_SEPARATOR).map((part) => findParserIn(definitions, part));
    if (members.length < 2 || members.some((member) => member === undefined)) return undefined;
    return mixedDefinition(members as ParserDefinition[]);
  }
  return definitions.find((definition) => definition.format === wanted);
}

/**
 * Picks the definition that best fits the first non-empty lines of an input (up to SNIFF_LINES,
 * comment lines left out), or says that none does and why. Of definitions tied at the best score,
 * the one that reads the most events from the lines wins (several logs start their lines with a
 * time and a bracketed level, so more than one may claim every line), then the earlier one.
 * When none fits alone, a few that together claim most lines are read as a mix; when one does but
 * leaves lines that others claim, it is read as a mix led by it (see chooseMix).
 * Every score is returned, for a verbose CLI and for tests.
 */
export function chooseParserFrom(
  definitions: readonly ParserDefinition[],
  sample: readonly string[],
): ParserChoice {
  const lines = firstNonEmptyLines(sample, SNIFF_LINES);
  const formats = definitions.map((definition) => definition.format).join(', ');
  if (lines.length === 0) {
    return {
      kind: 'none',
      message: `cannot detect the format: the input has no non-empty lines (known formats: ${formats})`,
      scores: [],
    };
  }
  const scores = definitions.map((definition) => ({
    format: definition.format,
    score: definition.sniff(lines),
  }));
  let best = -1;
  for (let i = 0; i < scores.length; i++) {
    if (best === -1 || (scores[i] as ParserScore).score > (scores[best] as ParserScore).score) best = i;
  }
  const top = scores[best]?.score ?? 0;
  const tied = scores.flatMap((score, i) => (score.score === top ? [i] : []));
  if (top >= MIN_SNIFF_SCORE && tied.length > 1) {
    const read = tied.map((i) => eventsRead(definitions[i] as ParserDefinition, lines));
    best = tied[read.indexOf(Math.max(...read))] as number;
  }
  const winner = scores[best];
  const fits = winner !== undefined && winner.score >= MIN_SNIFF_SCORE;
  // A format that fits every line fully leaves none for another to read.
  const mix =
    fits && (winner as ParserScore).score >= 1
      ? undefined
      : chooseMix(definitions, lines, fits ? definitions[best] : undefined);
  if (mix !== undefined) {
    const parser = mixedDefinition(mix);
    return { kind: 'found', parser, score: parser.sniff(lines), scores };
  }
  if (winner === undefined || winner.score < MIN_SNIFF_SCORE) {
    const bestText = winner ? ` (best: ${winner.format} at ${winner.score.toFixed(2)})` : '';
    return {
      kind: 'none',
      message: `cannot detect the format: none of [${formats}] fits the first ${lines.length} non-empty line(s)${bestText}`,
      scores,
    };
  }
  return { kind: 'found', parser: definitions[best] as ParserDefinition, score: winner.score, scores };
}

/**
 * Up to `limit` lines with content. Comment lines (`#` first) are no format's: annotated test logs
 * and exports with a header would otherwise fit none.
 */
function firstNonEmptyLines(sample: readonly string[], limit: number): string[] {
  const lines: string[] = [];
  for (const line of sample) {
    const trimmed = line.trim();
    if (trimmed.length === 0 || trimmed.startsWith('#')) continue;
    lines.push(line);
    if (lines.length === limit) break;
  }
  return lines;
}
