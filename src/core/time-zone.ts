import { InputError } from './errors.ts';

/**
 * Turns a time a log wrote without a zone, read as if it were UTC (`Date.UTC` of its fields), into
 * the instant it names in the zone the log was written in. NaN stays NaN. One is made per input and
 * asked in the input's order: a time written twice when the clocks went back is read by what came
 * before it.
 */
export type ZonelessTime = (wallMs: number) => number;

/** The default: times without a zone are UTC. */
export const READ_AS_UTC: ZonelessTime = (wallMs) => wallMs;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Offsets are looked up once per quarter hour of wall time: zones change offset on one only. */
const BUCKET_MS = 15 * MINUTE_MS;
const MAX_BUCKETS = 4096;
const FIXED_OFFSET = /^(?:UTC|GMT)?([+-])(\d{2})(?::?(\d{2}))?$/;

/**
 * Whether `name` is a time zone Klaxon reads: an IANA name (`Europe/Berlin`, `UTC`), `local` (this
 * machine's zone) or a fixed offset (`+02:00`, `-0530`, `+05`). Undefined when it is, else what is
 * wrong, for an error message.
 */
export function checkTimeZone(name: string): string | undefined {
  if (parseFixedOffset(name) !== undefined || name === 'local') return undefined;
  if (name.length > 0 && name.length <= 64) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      return undefined;
    } catch {
      // an unknown name: said below
    }
  }
  return `unknown time zone "${name.slice(0, 64)}": give an IANA name such as Europe/Berlin or America/New_York, UTC, local (this machine's zone) or an offset such as +02:00`;
}

/** The zone `name` stands for (see checkTimeZone); `local` becomes this machine's zone's name. */
function resolveTimeZone(name: string): string {
  return name === 'local' ? new Intl.DateTimeFormat('en-US').resolvedOptions().timeZone : name;
}

/**
 * How times without a zone are read: in `name` (see checkTimeZone), or as UTC when it is undefined.
 * Throws an InputError for a zone Klaxon does not know.
 */
export function zonelessTimeIn(name: string | undefined): ZonelessTime {
  if (name === undefined) return READ_AS_UTC;
  const problem = checkTimeZone(name);
  if (problem !== undefined) throw new InputError(problem);
  const zone = resolveTimeZone(name);
  const fixed = parseFixedOffset(zone);
  if (fixed !== undefined) return fixed === 0 ? READ_AS_UTC : (wallMs) => wallMs - fixed;
  if (zone === 'UTC' || zone === 'Etc/UTC') return READ_AS_UTC;
  return readInOrder(ianaZone(zone));
}

/** `+02:00`, `-0530`, `+05` (also after `UTC`/`GMT`) as ms east of UTC; undefined for anything else. */
export function parseFixedOffset(name: string): number | undefined {
  const found = FIXED_OFFSET.exec(name);
  if (found === null) return undefined;
  const hours = Number(found[2]);
  const minutes = Number(found[3] ?? 0);
  if (hours > 23 || minutes > 59) return undefined;
  return (found[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * MINUTE_MS;
}

/**
 * The readings of a wall time in an IANA zone, exact for every wall time: of the offsets in force a
 * day before and a day after, those that read the wall time back. `later` picks between the two
 * readings of a time written twice (clocks going back); a time never written (clocks going forward)
 * is read with the offset before the change, so it lands after it, as the Temporal proposal's
 * `compatible` reading does.
 */
type ExactReading = (wallMs: number, later: boolean) => number;

function ianaZone(zone: string): ExactReading {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (instant: number): number => {
    const second = instant - (((instant % 1000) + 1000) % 1000);
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(second))
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const wall = Date.UTC(
      parts.year as number,
      (parts.month as number) - 1,
      parts.day as number,
      parts.hour as number,
      parts.minute as number,
      parts.second as number,
    );
    return wall - second;
  };
  return (wallMs, later) => {
    const before = offsetAt(wallMs - DAY_MS);
    const after = offsetAt(wallMs + DAY_MS);
    const first = wallMs - Math.max(before, after);
    const second = wallMs - Math.min(before, after);
    const firstHolds = offsetAt(first) === Math.max(before, after);
    const secondHolds = offsetAt(second) === Math.min(before, after);
    if (firstHolds && (!later || !secondHolds)) return first;
    if (secondHolds) return second;
    return wallMs - before;
  };
}

/**
 * `exact` in log order. A time written twice is read as the one of its two instants nearer the time
 * read before it, so the repeated hour's second pass follows its first rather than landing an hour
 * early behind it (the first instant when nothing was read before). The offset is asked once per
 * quarter hour of wall time: where it is the same at the quarter's first and last millisecond, and
 * neither is written twice, it holds for the whole quarter; else (a change inside it) each time is
 * converted exactly.
 */
function readInOrder(exact: ExactReading): ZonelessTime {
  const offsets = new Map<number, number>();
  let lastBucket = NaN;
  let lastOffset = 0;
  let lastInstant = NaN;
  const convert = (wallMs: number): number => {
    const first = exact(wallMs, false);
    const second = exact(wallMs, true);
    return Math.abs(second - lastInstant) < Math.abs(first - lastInstant) ? second : first;
  };
  return (wallMs) => {
    if (!Number.isFinite(wallMs)) return wallMs;
    const bucket = Math.floor(wallMs / BUCKET_MS);
    if (bucket !== lastBucket) {
      let offset = offsets.get(bucket);
      if (offset === undefined) {
        offset = quarterOffset(exact, bucket * BUCKET_MS);
        if (offsets.size >= MAX_BUCKETS) offsets.clear();
        offsets.set(bucket, offset);
      }
      lastBucket = bucket;
      lastOffset = offset;
    }
    lastInstant = Number.isNaN(lastOffset) ? convert(wallMs) : wallMs - lastOffset;
    return lastInstant;
  };
}

/** The offset in force for the whole quarter hour of wall time from `start`, NaN if none is. */
function quarterOffset(exact: ExactReading, start: number): number {
  const end = start + BUCKET_MS - 1;
  const atStart = start - exact(start, false);
  const atEnd = end - exact(end, false);
  const once = exact(start, true) === start - atStart && exact(end, true) === end - atEnd;
  return once && atStart === atEnd ? atStart : NaN;
}
