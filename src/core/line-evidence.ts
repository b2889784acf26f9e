import type { SecurityEvent } from './event.ts';

/** Parses a line of a format whole, as the replay that stored it would have: undefined if it cannot. */
export type ParseEvidenceLine = (format: string, line: string) => SecurityEvent | undefined;

/** The tag of evidence stored as its line (the first item of its array, see LineEvidence.toJSON). */
const LINE_TAG = 'line';

/**
 * Evidence stored as the line it was parsed from. The whole event of a line of a per-line format
 * (NDJSON, Winlogbeat) holds the line as `event.original` beside every field parsed from it, about
 * twice the bytes; this keeps the line and its format, parsed whole again when the store reads it
 * (see readStoredSample), so it reads back as the whole event a replay without a store shows.
 *
 * In memory it is an event with `@timestamp`, `event.original` and `fields` (the few fields the
 * writer needs before it is read back: case assignment's addresses and accounts). It is stored as
 * an array, `["line", format, line, @timestamp, fields]`: an event is always an object, so no event
 * an attacker writes can pass for one.
 */
export class LineEvidence implements SecurityEvent {
  declare readonly '@timestamp': string;
  declare readonly event: { original: string };
  [field: string]: unknown;
  readonly #format: string;

  constructor(format: string, line: string, timestamp: string, fields: Readonly<Record<string, unknown>>) {
    Object.assign(this, fields, { '@timestamp': timestamp, event: { original: line } });
    this.#format = format;
  }

  toJSON(): unknown[] {
    const { '@timestamp': timestamp, event, ...fields } = this;
    return [LINE_TAG, this.#format, event.original, timestamp, fields];
  }
}

/**
 * A sample as the store holds it, read back: evidence stored as its line is parsed whole by
 * `parse` (which a store is opened with); without one, or if the line no longer parses, it is the
 * event the line stands for with what was stored beside it (`@timestamp`, `event.original`, the
 * writer's fields). Anything else is the event as stored.
 */
export function readStoredSample(stored: unknown, parse?: ParseEvidenceLine): SecurityEvent {
  if (!isStoredLine(stored)) return stored as SecurityEvent;
  const [, format, line, timestamp, fields] = stored;
  const whole = parse?.(format, line);
  if (whole !== undefined) return whole;
  return { ...fields, '@timestamp': timestamp, event: { original: line } };
}

type StoredLine = [
  tag: string,
  format: string,
  line: string,
  timestamp: string,
  fields: Record<string, unknown>,
];

function isStoredLine(stored: unknown): stored is StoredLine {
  return (
    Array.isArray(stored) &&
    stored.length === 5 &&
    stored[0] === LINE_TAG &&
    typeof stored[1] === 'string' &&
    typeof stored[2] === 'string' &&
    typeof stored[3] === 'string' &&
    typeof stored[4] === 'object' &&
    stored[4] !== null &&
    !Array.isArray(stored[4])
  );
}
