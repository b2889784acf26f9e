import { SAVED_LINE_AT, SAVED_ORIGINAL_IS_LINE } from './snapshot-form.ts';
import type { SavedLineAt } from './snapshot-form.ts';

/**
 * An event that can read its own line again (a slim event that keeps where its line is in the
 * file, a light event from a worker thread): the line once read is kept by the event.
 */
export const READ_OWN_LINE = Symbol('klaxon.readOwnLine');

export interface ReadsOwnLine {
  [READ_OWN_LINE](): string;
}

const OWNER = Symbol('klaxon.lazyOriginalOwner');

/**
 * `event` of an event whose `event.original` is its line: read only when asked (the engine compares
 * originals of samples with the same time), holding the event's other `event.*` fields as usual.
 */
export class LazyOriginal {
  readonly [OWNER]: ReadsOwnLine;
  [field: string]: unknown;
  constructor(owner: ReadsOwnLine) {
    this[OWNER] = owner;
  }
  get original(): string {
    return this[OWNER][READ_OWN_LINE]();
  }
}

/**
 * Makes `prototype` one of stand-ins whose `event.original` is their line: such a stand-in is one
 * object (its own `event`), for most events are kept as evidence a while.
 */
export function defineLineStandIn(prototype: object): void {
  Object.defineProperties(prototype, {
    event: {
      get(this: object) {
        return this;
      },
    },
    original: {
      get(this: ReadsOwnLine) {
        return this[READ_OWN_LINE]();
      },
    },
  });
}

/**
 * The `event` to save of `owner` whose line is `line`, with `event.original` as a value, when the
 * event reads it from its line (a LazyOriginal, or a line stand-in); undefined for any other.
 */
export function eventWithOriginal(owner: object, line: string): Record<string, unknown> | undefined {
  const event = (owner as { event?: unknown }).event;
  if (event instanceof LazyOriginal) return { ...event, original: line };
  return event === owner ? { original: line } : undefined;
}

/**
 * Makes `form` (the compact form of `owner`) say where its line is rather than hold it (see
 * SAVED_LINE_AT): `event.original`, when the event reads it from its line, is left out and marked.
 */
export function locateSavedLine(
  owner: object,
  form: Record<string, unknown>,
  at: SavedLineAt,
): Record<string, unknown> {
  form[SAVED_LINE_AT] = at;
  const event = (owner as { event?: unknown }).event;
  if (event instanceof LazyOriginal) form.event = { ...event };
  else if (event !== owner) return form;
  form[SAVED_ORIGINAL_IS_LINE] = true;
  return form;
}
