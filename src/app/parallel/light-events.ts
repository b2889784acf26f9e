import type { Detection, SecurityEvent } from '../../core/index.ts';
import {
  defineLineStandIn,
  EVIDENCE_FORM,
  isObject,
  isSavedForm,
  LazyOriginal,
  locateSavedLine,
  OWNS_ITS_TEXT,
  READ_OWN_LINE,
  SAVED_FORMAT,
  SAVED_LINE,
  SNAPSHOT_FORM,
} from '../../core/index.ts';
import { findParser, slimSource } from '../../parsers/index.ts';
import type { FormatLine, LineParser } from '../../parsers/index.ts';
import type { Rule } from '../../rules/index.ts';
import type { LineReader } from './read-range-lines.ts';

/** Read by the engine itself: the time (`event.original` is kept apart, see LightColumnWriter). */
const ENGINE_FIELDS = ['@timestamp'];

/**
 * The fields a worker keeps of each event so that every rule judges it as it would the whole
 * event, or undefined (keep whole events) when a rule does not say what it reads. A field under
 * another kept one is covered by it. `event.original`, which the engine compares to tell repeated
 * samples apart, is kept only if a rule reads it: else it is the event's line, read back on demand.
 */
export function fieldsToKeep(rules: readonly Rule[]): string[] | undefined {
  const fields = new Set(ENGINE_FIELDS);
  for (const rule of rules) {
    if (!rule.reads) return undefined;
    for (const field of rule.reads)
      fields.add(field.startsWith('event.original.') ? 'event.original' : field);
  }
  const sorted = [...fields].sort();
  return sorted.filter((field) => !sorted.some((other) => field.startsWith(`${other}.`)));
}

/** The file a light event's line is in, and the format that parses it. */
export interface LineSource {
  lines: LineReader;
  format: string;
}

const SOURCE = Symbol('klaxon.lightSource');
const START = Symbol('klaxon.lineStart');
const BYTES = Symbol('klaxon.lineBytes');
const LINE = Symbol('klaxon.line');
const WHOLE = Symbol('klaxon.whole');
const STAND_IN = Symbol('klaxon.lightStandIn');
const LINE_STAND_IN = Symbol('klaxon.lightLineStandIn');

/**
 * An event parsed by a worker thread: only the fields the rules read, and where its line is, from
 * which the whole event is parsed again when it becomes evidence. JSON.stringify (engine snapshots)
 * writes the whole event.
 */
export class LightEvent {
  declare readonly [SOURCE]: LineSource;
  readonly [START]: number;
  readonly [BYTES]: number;
  [LINE]: string | undefined = undefined;
  [WHOLE]: SecurityEvent | undefined = undefined;
  [STAND_IN]: LightEvent | undefined = undefined;
  [field: string]: unknown;

  constructor(start: number, bytes: number) {
    this[START] = start;
    this[BYTES] = bytes;
  }

  /**
   * What the engine keeps of the event as evidence (see evidenceOf), made once: where its line is,
   * its time and `event.original` (read from the line when asked, if it is the line).
   */
  [EVIDENCE_FORM](): LightEvent {
    if (this[STAND_IN] !== undefined) return this[STAND_IN];
    const event = this.event;
    const lazy = event instanceof LazyOriginal;
    const Made = (lazy ? lineStandInClass(this) : this.constructor) as new (
      start: number,
      bytes: number,
    ) => LightEvent;
    const made = new Made(this[START], this[BYTES]);
    made['@timestamp'] = this['@timestamp'];
    if (!lazy) made.event = isObject(event) ? { original: event.original } : event;
    made[STAND_IN] = made;
    return (this[STAND_IN] = made);
  }

  toJSON(): SecurityEvent {
    return wholeEvent(this as unknown as SecurityEvent);
  }

  [READ_OWN_LINE](): string {
    return lineOf(this);
  }

  /** Its read fields and where its line is in the file, which a resume reads again (see SAVED_LINE_AT). */
  [SNAPSHOT_FORM](): Record<string, unknown> {
    const form = { ...this, [SAVED_FORMAT]: this[SOURCE].format };
    return locateSavedLine(this, form, [this[SOURCE].lines.path, this[START], this[BYTES]]);
  }
}

/** A class of light events whose lines are in `source`. */
export function lightEventClass(source: LineSource): typeof LightEvent {
  const made = class extends LightEvent {};
  Object.defineProperty(made.prototype, SOURCE, { value: source });
  // Its values came through structured clone: each string is a copy of its own.
  Object.defineProperty(made.prototype, OWNS_ITS_TEXT, { value: true });
  // Stand-ins whose `event.original` is their line: one object each, its own `event`.
  const standIn = class extends made {};
  defineLineStandIn(standIn.prototype);
  Object.defineProperty(made.prototype, LINE_STAND_IN, { value: standIn });
  return made;
}

function lineStandInClass(event: LightEvent): typeof LightEvent {
  return (event as unknown as Record<symbol, typeof LightEvent>)[LINE_STAND_IN] as typeof LightEvent;
}

/** The line of a light event, read from its file once. */
export function lineOf(event: LightEvent): string {
  return (event[LINE] ??= event[SOURCE].lines.read(event[START], event[BYTES]));
}

const parsers = new Map<string, LineParser>();

/**
 * The whole event a light one stands for (the same object each time, unless `keep` is false), parsed again from its line by
 * its format's parser: only formats whose parser reads each line on its own (and ignores the parser
 * options) are split into threads, see PER_LINE_FORMATS. Any other event is whole already.
 */
export function wholeEvent(event: SecurityEvent, keep = true): SecurityEvent {
  if (!(event instanceof LightEvent)) return isSavedLight(event) ? wholeSavedLight(event) : event;
  if (event[WHOLE] !== undefined) return event[WHOLE];
  const whole =
    parseWholeLine(event[SOURCE].format, keep ? lineOf(event) : readLine(event)) ?? (event as SecurityEvent);
  // Not kept (`keep` false): parsed again each time, and the light event stays light.
  if (keep) event[WHOLE] = whole;
  return whole;
}

function readLine(event: LightEvent): string {
  return event[LINE] ?? event[SOURCE].lines.read(event[START], event[BYTES]);
}

/**
 * Events as an engine snapshot saves slim and light events (SNAPSHOT_FORM), and as Klaxon 0.1
 * saved light events before columns: plain objects with the fields the rules read, their format
 * under `|format` and, unless `event.original` is their line, the line under `|line`. Resumed from
 * an unfinished replay's checkpoint (the snapshot decoder marks them SAVED_FORM: an event of any
 * source may have fields named so), they are parsed whole when they become evidence.
 */
function isSavedLight(event: SecurityEvent): boolean {
  return isSavedForm(event) && typeof (event as Record<string, unknown>)[SAVED_FORMAT] === 'string';
}

function wholeSavedLight(event: SecurityEvent): SecurityEvent {
  const source = savedLightSource(event);
  return (source && parseWholeLine(source.format, source.line)) ?? event;
}

function savedLightSource(event: SecurityEvent): FormatLine | undefined {
  const saved = event as Record<string, unknown>;
  const original = isObject(event.event) ? event.event.original : undefined;
  const line = typeof saved[SAVED_LINE] === 'string' ? saved[SAVED_LINE] : original;
  return typeof line === 'string' ? { format: saved[SAVED_FORMAT] as string, line } : undefined;
}

/**
 * The format and line an event stands in for, which its whole event is parsed from: a light event
 * (its line read back, not kept), one saved so or a slim one; undefined for a whole event.
 */
export function lineSourceOf(event: SecurityEvent): FormatLine | undefined {
  if (event instanceof LightEvent) return { format: event[SOURCE].format, line: readLine(event) };
  return isSavedLight(event) ? savedLightSource(event) : slimSource(event);
}

/** `line` parsed whole by the parser of `format` (one per format, kept), undefined if it gives no event. */
export function parseWholeLine(format: string, line: string): SecurityEvent | undefined {
  let parser = parsers.get(format);
  if (!parser) {
    parser = findParser(format)?.create({});
    if (!parser) return undefined;
    parsers.set(format, parser);
  }
  let found: SecurityEvent | undefined;
  parser.parseLine(line, (event) => (found ??= event));
  return found;
}

/** A detection whose evidence is whole documents, as the single-thread replay gives it. */
export function withWholeSamples(detection: Detection): Detection {
  return { ...detection, samples: detection.samples.map((event) => wholeEvent(event)) };
}
