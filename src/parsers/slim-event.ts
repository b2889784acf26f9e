import type { SecurityEvent } from '../core/index.ts';
import { isObject, SAVED_FORMAT, SAVED_LINE, SNAPSHOT_FORM } from '../core/index.ts';
import type { FieldTrie } from './ndjson/field-trie.ts';

const LINE = Symbol('klaxon.slimLine');
const FULL = Symbol('klaxon.fullEvent');
const FULL_PARSER = Symbol('klaxon.parseWhole');
const SELECTION = Symbol('klaxon.selection');

interface SlimFields {
  [LINE]?: string;
  [FULL]?: SecurityEvent;
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
): SlimPrototype {
  const prototype = {};
  Object.defineProperty(prototype, FULL_PARSER, { value: parseWhole });
  const known = new Map<readonly string[], boolean>();
  Object.defineProperty(prototype, SELECTION, { value: { trie: selection, known } satisfies Selection });
  Object.defineProperty(prototype, 'toJSON', {
    value(this: SecurityEvent) {
      return materializeEvent(this);
    },
  });
  Object.defineProperty(prototype, SNAPSHOT_FORM, {
    value(this: SecurityEvent & SlimFields) {
      const line = this[LINE] as string;
      const form: Record<string, unknown> = { ...this, [SAVED_FORMAT]: format };
      if (!isObject(this.event) || this.event.original !== line) form[SAVED_LINE] = line;
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

export function isSlimEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as SlimFields)[LINE] !== undefined;
}

/**
 * The whole event: parsed once from the line of a slim event (and kept, unless `keep` is false:
 * then parsed again each time, and the slim event stays small), any other event as it is.
 */
export function materializeEvent(event: SecurityEvent, keep = true): SecurityEvent {
  const slim = event as SecurityEvent & SlimFields;
  const line = slim[LINE];
  if (line === undefined) return event;
  const known = slim[FULL];
  if (known !== undefined) return known;
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
