import type { Detection, SecurityEvent } from '../../core/index.ts';
import { compileFieldGetter, isObject } from '../../core/index.ts';
import { findParser } from '../../parsers/index.ts';
import type { LineParser } from '../../parsers/index.ts';
import type { Rule } from '../../rules/index.ts';

/**
 * What a light event keeps to become whole again: its format, and its line unless `event.original`
 * holds it. `|` is in no field path, so no rule reads these, and they survive engine snapshots.
 */
const FORMAT = '|format';
const LINE = '|line';
/** Read by the engine itself: the time, and the raw line (which tells repeated samples apart). */
const ENGINE_FIELDS = ['@timestamp', 'event.original'];

/**
 * The fields a worker keeps of each event so that every rule judges it as it would the whole
 * event, or undefined (keep whole events) when a rule does not say what it reads. A field under
 * another kept one is covered by it.
 */
export function fieldsToKeep(rules: readonly Rule[]): string[] | undefined {
  const fields = new Set(ENGINE_FIELDS);
  for (const rule of rules) {
    if (!rule.reads) return undefined;
    for (const field of rule.reads) fields.add(field);
  }
  const sorted = [...fields].sort();
  return sorted.filter((field) => !sorted.some((other) => field.startsWith(`${other}.`)));
}

/** Worker side: makes events with only `fields` (values shared, not copied) and what rebuilds them. */
export function lightEvents(
  fields: readonly string[],
  format: string,
): (event: SecurityEvent, line: string) => SecurityEvent {
  const readers = fields.map((field) => ({ read: compileFieldGetter(field), steps: field.split('.') }));
  return (event, line) => {
    const light: Record<string, unknown> = {};
    for (const { read, steps } of readers) {
      const value = read(event);
      if (value !== undefined) place(light, steps, value);
    }
    light[FORMAT] = format;
    if (originalOf(event) !== line) light[LINE] = line;
    return light as SecurityEvent;
  };
}

function originalOf(event: SecurityEvent): unknown {
  return isObject(event.event) ? event.event.original : undefined;
}

function place(target: Record<string, unknown>, steps: string[], value: unknown): void {
  let node = target;
  for (let i = 0; i < steps.length - 1; i++) {
    const step = steps[i] as string;
    const next = Object.hasOwn(node, step) ? node[step] : undefined;
    node = isObject(next) ? next : (setOwn(node, step, {}) as Record<string, unknown>);
  }
  setOwn(node, steps[steps.length - 1] as string, value);
}

/** As JSON.parse sets a field (`__proto__` too is an own field, never the prototype). */
function setOwn(node: Record<string, unknown>, key: string, value: unknown): unknown {
  if (key === '__proto__')
    Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
  else node[key] = value;
  return value;
}

const wholes = new WeakMap<object, SecurityEvent>();
const parsers = new Map<string, LineParser>();

/**
 * Main thread: the whole event a light one stands for (the same object each time), parsed again
 * from its line by its format's parser: only formats whose parser reads each line on its own (and
 * ignores the parser options) are split into threads, see PER_LINE_FORMATS.
 */
export function wholeEvent(event: SecurityEvent): SecurityEvent {
  const format = event[FORMAT];
  if (typeof format !== 'string') return event;
  let whole = wholes.get(event);
  if (!whole) {
    const line = (event[LINE] ?? originalOf(event)) as string;
    whole = reparse(format, line) ?? event;
    wholes.set(event, whole);
  }
  return whole;
}

function reparse(format: string, line: string): SecurityEvent | undefined {
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
  return { ...detection, samples: detection.samples.map(wholeEvent) };
}
