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
