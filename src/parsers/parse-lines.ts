import type { SecurityEvent } from '../core/index.ts';
import type { EmitEvent, LineParser } from './parser.ts';

/** What a parser made of a chunk of lines: events with their times (epoch ms), and skips by reason. */
export interface ParsedLines {
  events: SecurityEvent[];
  times: number[];
  skipped: Record<string, number>;
}

/**
 * Parses a chunk of lines in order: lines in, events and skip counts out, nothing else touched
 * (a worker can run it on its own chunk, given its own parser: parsers keep per-input state).
 */
export function parseLines(parser: LineParser, lines: readonly string[], read?: LineBytes): ParsedLines {
  const parseBytes = read && parser.parseLineBytes?.bind(parser);
  if (parseBytes === undefined)
    return collect(lines.length, (i, emit) => parser.parseLine(lines[i] as string, emit));
  const { buffer, begins, lengths } = read as LineBytes;
  return collect(lines.length, (i, emit) => {
    const begin = begins[i] as number;
    return begin < 0
      ? parser.parseLine(lines[i] as string, emit)
      : parseBytes(lines[i] as string, emit, buffer, begin, lengths[i] as number);
  });
}

/** Where the bytes of lines are, index for index (`begins` -1: nowhere), and how many each has. */
export interface LineBytes {
  buffer: Uint8Array;
  begins: readonly number[];
  lengths: readonly number[];
}

/**
 * parseLines for lines whose place in their file is known (`starts`, `bytes`, index for index), by
 * a parser made with a LineStore of that file: its events may keep where their line is.
 */
export function parseLinesAt(
  parser: LineParser,
  lines: readonly string[],
  starts: readonly number[],
  bytes: readonly number[],
  read?: LineBytes,
): ParsedLines {
  const parseAt = parser.parseLineAt?.bind(parser);
  if (parseAt === undefined) return parseLines(parser, lines, read);
  return collect(lines.length, (i, emit) => {
    const begin = read?.begins[i] ?? -1;
    const inBytes = begin >= 0;
    return parseAt(
      lines[i] as string,
      starts[i] as number,
      bytes[i] as number,
      emit,
      inBytes ? read?.buffer : undefined,
      inBytes ? begin : undefined,
    );
  });
}

/** Parses lines 0..count-1 with `parseOne`, collecting events, their times and skips by reason. */
function collect(count: number, parseOne: (i: number, emit: EmitEvent) => string | null): ParsedLines {
  const events: SecurityEvent[] = [];
  const times: number[] = [];
  const skipped: Record<string, number> = {};
  const emit = (event: SecurityEvent, ts: number): void => {
    events.push(event);
    times.push(ts);
  };
  for (let i = 0; i < count; i++) {
    const reason = parseOne(i, emit);
    if (reason !== null) skipped[reason] = (skipped[reason] ?? 0) + 1;
  }
  return { events, times, skipped };
}
