/**
 * An event may say how it is saved in an engine snapshot when that is smaller and cheaper than its
 * JSON: a method under this key returns plain JSON data (a slim event: the fields the rules read
 * and its line, from which it is parsed whole again when it becomes evidence after a resume).
 */
export const SNAPSHOT_FORM: unique symbol = Symbol.for('klaxon.snapshotForm');

export interface SavesCompactly {
  [SNAPSHOT_FORM](): unknown;
}

/**
 * A compact event's format (its parser reads each line on its own) and, when `event.original` is
 * not its line, its line: what parses it whole again.
 */
export const SAVED_FORMAT = '|format';
export const SAVED_LINE = '|line';
/**
 * Where a compact event's line is, instead of its text, when it was read from a plain file that a
 * resume reads again: `[file, first byte, bytes]`. With SAVED_ORIGINAL_IS_LINE, `event.original`
 * is that line (and left out of the saved event); else the line is what SAVED_LINE would hold.
 */
export const SAVED_LINE_AT = '|lineAt';
export const SAVED_ORIGINAL_IS_LINE = '|originalIsLine';

export type SavedLineAt = [file: string, start: number, bytes: number];

/** The keys a compact form adds to an event's fields: only a compact form writes them unescaped. */
export const SAVED_MARKERS: ReadonlySet<string> = new Set([
  SAVED_FORMAT,
  SAVED_LINE,
  SAVED_LINE_AT,
  SAVED_ORIGINAL_IS_LINE,
]);

/**
 * Set (not enumerable) by the snapshot decoder on a compact form it read back: what tells a saved
 * event from an event whose own fields are named like the markers (an event's keys that begin with
 * `|` are escaped in snapshots, and JSON cannot make a symbol).
 */
export const SAVED_FORM: unique symbol = Symbol.for('klaxon.savedForm');

export function isSavedForm(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.hasOwn(value, SAVED_FORM);
}
