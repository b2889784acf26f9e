import { readFileSync } from 'node:fs';
import type { SecurityEvent } from '../../core/index.ts';
import type { LineParser } from '../parser.ts';

/** A test fixture's lines (the file's last newline dropped). */
export function fixtureLines(url: URL): string[] {
  return readFileSync(url, 'utf8').trimEnd().split('\n');
}

/** Every line through `parser`, in order: the events it emitted and each line's skip reason (null: used). */
export function parseLines(
  parser: LineParser,
  lines: readonly string[],
): { events: SecurityEvent[]; skips: (string | null)[] } {
  const events: SecurityEvent[] = [];
  const skips = lines.map((line) => parser.parseLine(line, (event) => events.push(event)));
  return { events, skips };
}
