import type { IncidentTable } from './schema.ts';

/**
 * An incident row as the engine's writes hold it (see KnownIncidents): the samples an update
 * carried may still be their array, made JSON only when the row is written or its samples read.
 * A batch most often replaces an incident's samples many times before it writes the row once, and
 * the samples (whole events) are most of the row. A row from the database is a held row as it is.
 */
export interface HeldRow extends Omit<IncidentTable, 'samples_json'> {
  /** Undefined while `samples` holds them. */
  samples_json: string | undefined;
  samples?: readonly unknown[] | undefined;
}

/** The samples as stored; a held array is made JSON once (the row keeps the JSON instead). */
export function samplesJsonOf(row: HeldRow): string {
  if (row.samples_json === undefined) {
    row.samples_json = JSON.stringify(row.samples);
    row.samples = undefined;
  }
  return row.samples_json;
}

/**
 * Columns setting the samples of a held row. A copy of the array: the caller's may change, the
 * events in it do not (the engine's episodes share them).
 */
export function heldSamples(samples: readonly unknown[]): Pick<HeldRow, 'samples_json' | 'samples'> {
  return { samples_json: undefined, samples: samples.slice() };
}

/** Changes of held rows as a statement's columns: the samples as JSON. */
export function storedColumns(changes: Partial<HeldRow>): Partial<IncidentTable> {
  const { samples, ...columns } = changes;
  if (samples !== undefined) return { ...columns, samples_json: JSON.stringify(samples) };
  return columns as Partial<IncidentTable>;
}

/** The row as the database takes it. */
export function storedRow(row: HeldRow): IncidentTable {
  const json = samplesJsonOf(row);
  const { samples: _samples, ...columns } = row;
  return { ...columns, samples_json: json };
}
