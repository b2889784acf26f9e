import type { MinuteCount } from '../core/index.ts';
import type { IncidentTable } from './schema.ts';

/**
 * An incident's minutes as a held row keeps them: the JSON a row read from the database holds, or
 * the list an engine write made, made JSON only when the row is written or its minutes read.
 */
export type HeldMinutes = string | readonly MinuteCount[] | null;

/**
 * An incident row as the engine's writes hold it (see KnownIncidents): the samples an update
 * carried may still be their array, made JSON only when the row is written or its samples read.
 * A batch most often replaces an incident's samples many times before it writes the row once, and
 * the samples (whole events) are most of the row. So with the minutes: an incident that goes on
 * over many bursts holds up to a day of them, and each write of a burst parsed the earlier bursts'
 * JSON, merged and made JSON again (on 1M Winlogbeat documents, 283 writes of two such incidents
 * took 80-98 ms of the replay's last checkpoint, now 18-39 ms). A row from the database is a held
 * row as it is.
 */
export interface HeldRow extends Omit<
  IncidentTable,
  'samples_json' | 'minute_counts' | 'earlier_minute_counts'
> {
  /** Undefined while `samples` holds them. */
  samples_json: string | undefined;
  samples?: readonly unknown[] | undefined;
  minute_counts: HeldMinutes;
  earlier_minute_counts?: HeldMinutes | undefined;
}

/** The samples as stored; a held array is made JSON once (the row keeps the JSON instead). */
export function samplesJsonOf(row: HeldRow): string {
  if (row.samples_json === undefined) {
    row.samples_json = JSON.stringify(row.samples);
    row.samples = undefined;
  }
  return row.samples_json;
}

/** Lists made JSON already: rows copied from one another share them. */
const minutesJson = new WeakMap<readonly MinuteCount[], string>();

/** The minutes as stored: a held list is made JSON once. */
export function minutesText(minutes: HeldMinutes | undefined): string | null {
  if (minutes === undefined || minutes === null || typeof minutes === 'string') return minutes ?? null;
  let json = minutesJson.get(minutes);
  if (json === undefined) minutesJson.set(minutes, (json = JSON.stringify(minutes)));
  return json;
}

/** The minutes as a list (not to be changed: a held list is shared), parsed when they are JSON. */
export function minutesList(minutes: HeldMinutes | undefined): readonly MinuteCount[] | undefined {
  if (minutes === undefined || minutes === null) return undefined;
  return typeof minutes === 'string' ? (JSON.parse(minutes) as MinuteCount[]) : minutes;
}

/**
 * Columns setting the samples of a held row. A copy of the array: the caller's may change, the
 * events in it do not (the engine's episodes share them).
 */
export function heldSamples(samples: readonly unknown[]): Pick<HeldRow, 'samples_json' | 'samples'> {
  return { samples_json: undefined, samples: samples.slice() };
}

/** Column `name` of a held row as the database takes it (undefined where the row has none). */
export function storedValue(row: HeldRow, name: keyof IncidentTable): unknown {
  if (name === 'samples_json') return samplesJsonOf(row);
  const value = row[name];
  return typeof value === 'object' && value !== null ? minutesText(value as HeldMinutes) : value;
}

/** Changes of held rows as a statement's columns: the samples and minutes as JSON. */
export function storedColumns(changes: Partial<HeldRow>): Partial<IncidentTable> {
  const { samples, minute_counts, earlier_minute_counts, ...rest } = changes;
  const columns: Partial<IncidentTable> = rest as Partial<IncidentTable>;
  if (samples !== undefined) columns.samples_json = JSON.stringify(samples);
  if (minute_counts !== undefined) columns.minute_counts = minutesText(minute_counts);
  if (earlier_minute_counts !== undefined) columns.earlier_minute_counts = minutesText(earlier_minute_counts);
  return columns;
}

/** The row as the database takes it. */
export function storedRow(row: HeldRow): IncidentTable {
  const json = samplesJsonOf(row);
  const { samples: _samples, minute_counts, earlier_minute_counts, ...columns } = row;
  const stored: IncidentTable = { ...columns, samples_json: json, minute_counts: minutesText(minute_counts) };
  if (earlier_minute_counts !== undefined) stored.earlier_minute_counts = minutesText(earlier_minute_counts);
  return stored;
}
