import type { SecurityEvent } from '../core/index.ts';
import {
  defineLineStandIn,
  eventWithOriginal,
  EVIDENCE_FORM,
  isObject,
  LazyOriginal,
  locateSavedLine,
  READ_OWN_LINE,
  SAVED_FORMAT,
  SAVED_LINE,
  SNAPSHOT_FORM,
} from '../core/index.ts';
import type { FieldTrie } from './ndjson/field-trie.ts';

const LINE = Symbol('klaxon.slimLine');
const FULL = Symbol('klaxon.fullEvent');
const FULL_PARSER = Symbol('klaxon.parseWhole');
const FORMAT = Symbol('klaxon.slimFormat');
const SELECTION = Symbol('klaxon.selection');
const START = Symbol('klaxon.slimStart');
const BYTES = Symbol('klaxon.slimBytes');
const STORE = Symbol('klaxon.lineStore');
const STAND_IN = Symbol('klaxon.standIn');
const LINE_STAND_IN = Symbol('klaxon.lineStandIn');

interface SlimFields {
  [LINE]?: string;
  [START]?: number;
  [BYTES]?: number;
  [FULL]?: SecurityEvent;
  [STAND_IN]?: SecurityEvent | undefined;
}

/** Where an input's lines can be read again, by where they are in it (a file: first byte, bytes). */
export interface LineStore {
  read(start: number, bytes: number): string;
  /** The file, when a resume can read its lines again (an engine snapshot then saves where they are). */
  readonly path?: string;
}

/**
 * A slim event holds only the fields the loaded rules read (and `@timestamp`, `event.original`);
 * the whole event is parsed again from its line when it is needed as evidence. Slim events of one
 * parser share a prototype that knows how to do that; JSON.stringify (the store) writes the whole
 * event, an engine snapshot its compact form (SNAPSHOT_FORM: its fields, format and line).
 */
export interface SlimPrototype {
  toJSON(): SecurityEvent;
}

/**
 * A prototype for slim events whose whole event `parseWhole` makes from the line, and that hold
 * only the fields `selection` names (see keepsField). `format`: the parser whose whole parse of a
 * line gives what `parseWhole` gives (what a compact event restored from a snapshot is parsed by).
 */
export function createSlimPrototype(
  parseWhole: (line: string) => SecurityEvent,
  selection: FieldTrie,
  format: string,
  lines?: LineStore,
): SlimPrototype {
  const prototype = {};
  Object.defineProperty(prototype, FULL_PARSER, { value: parseWhole });
  Object.defineProperty(prototype, FORMAT, { value: format });
  if (lines) {
    Object.defineProperty(prototype, STORE, { value: lines });
    Object.defineProperty(prototype, EVIDENCE_FORM, { value: standIn });
    Object.defineProperty(prototype, READ_OWN_LINE, {
      value(this: SecurityEvent) {
        return slimLine(this, true);
      },
    });
    Object.defineProperty(prototype, LINE_STAND_IN, { value: lineStandInPrototype(prototype) });
  }
  const known = new Map<readonly string[], boolean>();
  Object.defineProperty(prototype, SELECTION, { value: { trie: selection, known } satisfies Selection });
  Object.defineProperty(prototype, 'toJSON', {
    value(this: SecurityEvent) {
      return materializeEvent(this);
    },
  });
  Object.defineProperty(prototype, SNAPSHOT_FORM, {
    value(this: SecurityEvent & SlimFields) {
      const form: Record<string, unknown> = { ...this, [SAVED_FORMAT]: format };
      const path = lines?.path;
      if (path !== undefined && this[START] !== undefined)
        return locateSavedLine(this, form, [path, this[START], this[BYTES] as number]);
      const line = slimLine(this, false) as string;
      // An `event.original` read from the line on demand (a located event, its stand-in) is saved
      // as a value: the engine compares it (see isRepeatOfLastSample) after a resume too.
      const event = eventWithOriginal(this, line);
      if (event !== undefined) form.event = event;
      else if (!isObject(this.event) || this.event.original !== line) form[SAVED_LINE] = line;
      return form;
    },
  });
  return prototype as SlimPrototype;
}

/** A new empty slim event root for `line`. */
export function createSlimRoot(prototype: SlimPrototype, line: string): Record<string, unknown> {
  const root = Object.create(prototype) as Record<string, unknown> & SlimFields;
  root[LINE] = line;
  return root;
}

/**
 * A new empty slim event root for the line at `start` (`bytes` long) of the prototype's LineStore:
 * it holds no text of the line, which is read again only when the event becomes evidence.
 */
export function createLocatedRoot(
  prototype: SlimPrototype,
  start: number,
  bytes: number,
): Record<string, unknown> {
  const root = Object.create(prototype) as Record<string, unknown> & SlimFields;
  root[START] = start;
  root[BYTES] = bytes;
  root[STAND_IN] = undefined;
  return root;
}

/**
 * What the engine keeps of a located slim event as evidence (see evidenceOf), made once: where its
 * line is, its time, and `event.original` (the document's own, or read from the line when asked).
 * It is made whole as the event would be.
 */
function standIn(this: SecurityEvent & SlimFields): SecurityEvent {
  const known = this[STAND_IN];
  if (known !== undefined) return known;
  const event = this.event;
  const lazy = event instanceof LazyOriginal;
  const prototype = Object.getPrototypeOf(this) as SlimPrototype & Record<symbol, SlimPrototype>;
  const made = createLocatedRoot(
    lazy ? (prototype[LINE_STAND_IN] as SlimPrototype) : prototype,
    this[START] as number,
    this[BYTES] as number,
  );
  made['@timestamp'] = this['@timestamp'];
  if (!lazy) made.event = { original: event.original };
  (made as SlimFields)[STAND_IN] = made as SecurityEvent;
  return (this[STAND_IN] = made as SecurityEvent);
}

/** The prototype of stand-ins whose `event.original` is their line (see defineLineStandIn). */
function lineStandInPrototype(prototype: object): object {
  const made = Object.create(prototype) as object;
  defineLineStandIn(made);
  return made;
}

export function isSlimEvent(event: unknown): boolean {
  if (typeof event !== 'object' || event === null) return false;
  const slim = event as SlimFields;
  return slim[LINE] !== undefined || slim[START] !== undefined;
}

/** Whether a slim event holds the text of its line (false: it is read again when needed). */
export function holdsLine(event: SecurityEvent): boolean {
  return (event as SlimFields)[LINE] !== undefined;
}

/** A line and the format whose parser reads it whole. */
export interface FormatLine {
  format: string;
  line: string;
}

/**
 * The format and line a slim event is parsed whole from (its line read from its store, not kept),
 * undefined for any other event.
 */
export function slimSource(event: SecurityEvent): FormatLine | undefined {
  const line = slimLine(event, false);
  if (line === undefined) return undefined;
  return { format: (event as unknown as Record<symbol, string>)[FORMAT] as string, line };
}

/** The line of a slim event (read from its store, and kept if `keep`), undefined for any other event. */
function slimLine(event: SecurityEvent, keep: boolean): string | undefined {
  const slim = event as SecurityEvent & SlimFields;
  const line = slim[LINE];
  if (line !== undefined || slim[START] === undefined) return line;
  const store = (slim as unknown as Record<symbol, LineStore>)[STORE] as LineStore;
  const read = store.read(slim[START], slim[BYTES] as number);
  if (keep) slim[LINE] = read;
  return read;
}

/**
 * The whole event: parsed once from the line of a slim event (and kept, unless `keep` is false:
 * then parsed again each time, and the slim event stays small), any other event as it is.
 */
export function materializeEvent(event: SecurityEvent, keep = true): SecurityEvent {
  const slim = event as SecurityEvent & SlimFields;
  const known = slim[FULL];
  if (known !== undefined) return known;
  // Not kept: the whole event holds it as `event.original`.
  const line = slimLine(event, false);
  if (line === undefined) return event;
  const parseWhole = (slim as unknown as Record<symbol, (line: string) => SecurityEvent>)[FULL_PARSER];
  const full = (parseWhole as (line: string) => SecurityEvent)(line);
  // Kept: an episode's samples are handed on again with every update.
  if (keep) Object.defineProperty(slim, FULL, { value: full });
  return full;
}

/**
 * Whether a field at `path` belongs in `event`: in a slim event only the selected fields do (a
 * parser that completes an event need not fill in what no rule reads: evidence is parsed whole);
 * in any other event every field does.
 */
export function keepsField(event: object, path: readonly string[]): boolean {
  const selection = (event as Record<symbol, Selection | undefined>)[SELECTION];
  if (selection === undefined) return true;
  const known = selection.known.get(path);
  if (known !== undefined) return known;
  const kept = selects(selection.trie, path);
  // Paths are the mapping's constants; a few hundred bound the cache should one be made per call.
  if (selection.known.size < MAX_KNOWN_PATHS) selection.known.set(path, kept);
  return kept;
}

const MAX_KNOWN_PATHS = 256;

interface Selection {
  trie: FieldTrie;
  known: Map<readonly string[], boolean>;
}

function selects(trie: FieldTrie, path: readonly string[]): boolean {
  let node = trie;
  for (let i = 0; i < path.length; i++) {
    if (node.whole) return true;
    const at = node.names.indexOf(path[i] as string);
    if (at === -1) return false;
    node = node.nodes[at] as FieldTrie;
  }
  return true;
}
