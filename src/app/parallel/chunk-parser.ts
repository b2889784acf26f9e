import { InputError } from '../../core/index.ts';
import type { SecurityEvent } from '../../core/index.ts';
import type { ParserOptions } from '../../parsers/index.ts';
import { findParser } from '../../parsers/index.ts';

/** What parsing a run of lines gave: events with their times, index for index, and skip reasons. */
export interface ParsedChunk {
  events: SecurityEvent[];
  times: number[];
  /** The index (in the chunk) of the line each event came from. */
  origins: number[];
  skipped: Record<string, number>;
}

/**
 * The one seam between the reading threads and the parsers: a pure function over a run of whole
 * lines. A faster parser (field-selective, prefiltering raw bytes) slots in here.
 */
export type ChunkParser = (lines: readonly string[]) => ParsedChunk;

/**
 * Formats whose parser reads each line on its own, keeping nothing from one line to the next, so
 * that parts of a file can be parsed apart and in any order. sshd (year inference, repeated
 * messages) and Cowrie (session ports) carry state and are read by one thread.
 */
export const PER_LINE_FORMATS: ReadonlySet<string> = new Set(['ndjson', 'windows']);

/** The chunk parser for a format, with the line parser `openEventStream` would create. */
export function createChunkParser(format: string, options: ParserOptions): ChunkParser {
  const definition = findParser(format);
  if (!definition || !PER_LINE_FORMATS.has(definition.format))
    throw new InputError(`format "${format}" cannot be parsed in parts`);
  const parser = definition.create(options);
  return (lines) => {
    const chunk: ParsedChunk = { events: [], times: [], origins: [], skipped: {} };
    let index = 0;
    const emit = (event: SecurityEvent, ts: number): void => {
      chunk.events.push(event);
      chunk.times.push(ts);
      chunk.origins.push(index);
    };
    for (; index < lines.length; index++) {
      const reason = parser.parseLine(lines[index] as string, emit);
      if (reason !== null) chunk.skipped[reason] = (chunk.skipped[reason] ?? 0) + 1;
    }
    return chunk;
  };
}
