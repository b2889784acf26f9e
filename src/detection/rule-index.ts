import type { SecurityEvent } from '../core/index.ts';
import type { FieldGetter } from '../core/index.ts';
import { compileFieldGetter } from '../core/index.ts';
import type { LiteralGate, Prefilter } from '../rules/index.ts';
import { LiteralGates } from './literal-gates.ts';

interface Indexed {
  prefilter?: Prefilter | undefined;
  literals?: LiteralGate[] | undefined;
}

/**
 * An indexed item and the number of the last event it was visited for, to visit it once per
 * event; `openFor`: the last event its literal gates let through.
 */
interface Entry<T> {
  item: T;
  visitedFor: number;
  openFor: number;
  /** Gated items: whether the event passes the prefilter (checked only once a gate opened). */
  fits?: (event: SecurityEvent) => boolean;
}

interface FieldIndex<T> {
  read: FieldGetter;
  byValue: Map<string, Entry<T>[]>;
  /**
   * The last text looked up and what it found: a parser's events name their action, category
   * or dataset with a few constant strings, so most events repeat the event before's value and
   * skip the hashing and the lower-case retry of a miss. `byValue` never changes once built.
   */
  lastText: string | undefined;
  lastFound: Entry<T>[] | undefined;
}

/**
 * Finds the rules an event can possibly match without running them all. Rules with literal
 * gates are found by scanning the event's text once (their prefilter is checked after); other
 * rules whose `where` requires `field: value` are filed under that value; the rest are tried for
 * every event.
 */
export class RuleIndex<T extends Indexed> {
  private readonly always: Entry<T>[] = [];
  private readonly fields: FieldIndex<T>[] = [];
  private readonly gates = new LiteralGates<Entry<T>>();
  private eventNumber = 0;
  private event: SecurityEvent | undefined;
  private visit: (item: T) => void = () => {};
  private readonly visitOpened = (entry: Entry<T>): void => {
    if (entry.fits === undefined || entry.fits(this.event as SecurityEvent)) this.visit(entry.item);
  };

  constructor(items: readonly T[]) {
    const byField = new Map<string, FieldIndex<T>>();
    for (const item of items) {
      const prefilter = item.prefilter;
      const entry: Entry<T> = { item, visitedFor: -1, openFor: -1 };
      if (item.literals !== undefined && item.literals.length > 0) {
        if (prefilter !== undefined) entry.fits = compileFits(prefilter);
        this.gates.add(item.literals, entry);
        continue;
      }
      if (prefilter === undefined) {
        this.always.push(entry);
        continue;
      }
      let index = byField.get(prefilter.field);
      if (index === undefined) {
        index = {
          read: compileFieldGetter(prefilter.field),
          byValue: new Map(),
          lastText: undefined,
          lastFound: undefined,
        };
        byField.set(prefilter.field, index);
        this.fields.push(index);
      }
      for (const value of new Set(prefilter.values)) {
        index.byValue.set(value, [...(index.byValue.get(value) ?? []), entry]);
      }
    }
  }

  /** Calls `visit` once for every rule the event may match. */
  forEachCandidate(event: SecurityEvent, visit: (item: T) => void): void {
    const number = ++this.eventNumber;
    for (const entry of this.always) visit(entry.item);
    for (let i = 0; i < this.fields.length; i++) {
      const index = this.fields[i] as FieldIndex<T>;
      const value = index.read(event);
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) {
        for (const element of value) visitEntries(lookupOnce(index, element), number, visit);
      } else {
        visitEntries(lookupOnce(index, value), number, visit);
      }
    }
    this.event = event;
    this.visit = visit;
    this.gates.forEachOpen(event, number, this.visitOpened);
    this.event = undefined;
  }
}

function visitEntries<T>(entries: Entry<T>[] | undefined, number: number, visit: (item: T) => void): void {
  if (entries === undefined) return;
  for (const entry of entries) {
    // An event whose list field holds two values filed for one rule still visits it once.
    if (entry.visitedFor === number) continue;
    entry.visitedFor = number;
    visit(entry.item);
  }
}

/** The prefilter as a test: the field (or an element of it) is one of the values. */
function compileFits(prefilter: Prefilter): (event: SecurityEvent) => boolean {
  const read = compileFieldGetter(prefilter.field);
  const values = new Map(prefilter.values.map((value) => [value, true]));
  return (event) => {
    const value = read(event);
    if (Array.isArray(value)) return value.some((element) => lookup(values, element) !== undefined);
    return lookup(values, value) !== undefined;
  };
}

/** lookup in the field's index, answered from its last lookup when the value is the same text. */
function lookupOnce<T>(index: FieldIndex<T>, value: unknown): Entry<T>[] | undefined {
  if (typeof value !== 'string') return lookup(index.byValue, value);
  if (value === index.lastText) return index.lastFound;
  const found = lookup(index.byValue, value);
  index.lastText = value;
  index.lastFound = found;
  return found;
}

function lookup<T>(byValue: Map<string, T>, value: unknown): T | undefined {
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined;
  if (text === undefined) return undefined;
  const found = byValue.get(text);
  if (found !== undefined) return found;
  const lower = text.toLowerCase();
  return lower === text ? undefined : byValue.get(lower);
}
