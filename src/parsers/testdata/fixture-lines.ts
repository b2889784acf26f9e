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

/** A login event's time, outcome, user, address and reason, for tests to compare. */
export const loginRow = (event: SecurityEvent) => [
  event['@timestamp'],
  event.event.outcome,
  (event.user as { name?: string } | undefined)?.name,
  (event.source as { ip: string }).ip,
  event.event.reason,
];

/** A firewall appliance's login event: time, action, outcome, user, address and the service logged into. */
export const deviceLoginRow = (event: SecurityEvent) => [
  event['@timestamp'],
  event.event.action,
  event.event.outcome,
  (event.user as { name?: string } | undefined)?.name,
  (event.source as { ip: string }).ip,
  (event.service as { name?: string } | undefined)?.name,
];
