/**
 * True on the prototype of events whose string values hold no text of anything else (decoded from
 * what a worker thread sent, not cut from a line): the engine keeps such a value as a group key or
 * a distinct value as it is, without the copy that keeps a slice from holding its whole line.
 */
export const OWNS_ITS_TEXT = Symbol('klaxon.ownsItsText');

/** Whether `event`'s string values hold no text of anything else (see OWNS_ITS_TEXT). */
export function ownsItsText(event: object): boolean {
  return (event as { [OWNS_ITS_TEXT]?: boolean })[OWNS_ITS_TEXT] === true;
}
