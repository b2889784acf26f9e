import { InputError } from './errors.ts';

/**
 * Turns a time a log wrote without a zone, read as if it were UTC (`Date.UTC` of its fields), into
 * the instant it names in the zone the log was written in. NaN stays NaN.
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
  return cachedByQuarterHour(ianaZone(zone));
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
 * Conversion in an IANA zone, exact for every wall time: of the offsets in force a day before and
 * a day after, those that read the wall time back. A time written twice (clocks going back) is its
 * first instant; a time never written (clocks going forward) is read with the offset before the
 * change, so it lands after it, as the Temporal proposal's `compatible` reading does.
 */
function ianaZone(zone: string): ZonelessTime {
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
  return (wallMs) => {
    if (!Number.isFinite(wallMs)) return wallMs;
    const before = offsetAt(wallMs - DAY_MS);
    const after = offsetAt(wallMs + DAY_MS);
    const first = wallMs - Math.max(before, after);
    const second = wallMs - Math.min(before, after);
    if (offsetAt(first) === Math.max(before, after)) return first;
    if (offsetAt(second) === Math.min(before, after)) return second;
    return wallMs - before;
  };
}

/**
 * `exact`, asked once per quarter hour of wall time: where the offset is the same at the quarter's
 * first and last millisecond it holds for the whole quarter, else (a change inside it) each time is
 * converted exactly.
 */
function cachedByQuarterHour(exact: ZonelessTime): ZonelessTime {
  const offsets = new Map<number, number>();
  let lastBucket = NaN;
  let lastOffset = 0;
  return (wallMs) => {
    if (!Number.isFinite(wallMs)) return wallMs;
    const bucket = Math.floor(wallMs / BUCKET_MS);
    if (bucket === lastBucket) return Number.isNaN(lastOffset) ? exact(wallMs) : wallMs - lastOffset;
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const start = bucket * BUCKET_MS;
      const end = start + BUCKET_MS - 1;
      const atStart = start - exact(start);
      offset = atStart === end - exact(end) ? atStart : NaN;
      if (offsets.size >= MAX_BUCKETS) offsets.clear();
      offsets.set(bucket, offset);
    }
    lastBucket = bucket;
    lastOffset = offset;
    return Number.isNaN(offset) ? exact(wallMs) : wallMs - offset;
  };
}
