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
 * event; `openFor`: the last event its literal gate let through.
 */
interface Entry<T> {
  item: T;
  visitedFor: number;
  openFor: number;
}

interface FieldIndex<T> {
  read: FieldGetter;
  byValue: Map<string, Entry<T>[]>;
}

/**
 * Finds the rules an event can possibly match without running them all: rules whose `where`
 * requires `field: value` are filed under that value; the rest are tried for every event. A rule
 * with a literal gate is then tried only if one of its literals occurs in the event's text.
 */
export class RuleIndex<T extends Indexed> {
  private readonly always: Entry<T>[] = [];
  private readonly fields: FieldIndex<T>[] = [];
  private readonly gates = new LiteralGates();
  private eventNumber = 0;
  private event: SecurityEvent | undefined;
  private visitor: (item: T) => void = () => {};
  private readonly visitEntry = (entry: Entry<T>): void => {
    if (entry.openFor === -2 || this.gates.isOpen(entry, this.event as SecurityEvent, this.eventNumber)) {
      this.visitor(entry.item);
    }
  };

  constructor(items: readonly T[]) {
    const byField = new Map<string, FieldIndex<T>>();
    for (const item of items) {
      const prefilter = item.prefilter;
      // -2: no gate, the entry is always open.
      const entry: Entry<T> = { item, visitedFor: -1, openFor: item.literals ? -1 : -2 };
      if (item.literals) this.gates.add(item.literals, entry);
      if (prefilter === undefined) {
        this.always.push(entry);
        continue;
      }
      let index = byField.get(prefilter.field);
      if (index === undefined) {
        index = { read: compileFieldGetter(prefilter.field), byValue: new Map() };
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
    this.event = event;
    this.visitor = visit;
    for (const entry of this.always) this.visitEntry(entry);
    for (const { read, byValue } of this.fields) {
      const value = read(event);
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) {
        for (const element of value) visitEntries(lookup(byValue, element), number, this.visitEntry);
      } else {
        visitEntries(lookup(byValue, value), number, this.visitEntry);
      }
    }
    this.event = undefined;
  }
}

function visitEntries<T>(
  entries: Entry<T>[] | undefined,
  number: number,
  visit: (entry: Entry<T>) => void,
): void {
  if (entries === undefined) return;
  for (const entry of entries) {
    // An event whose list field holds two values filed for one rule still visits it once.
    if (entry.visitedFor === number) continue;
    entry.visitedFor = number;
    visit(entry);
  }
}

function lookup<T>(byValue: Map<string, T>, value: unknown): T | undefined {
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined;
  if (text === undefined) return undefined;
  return byValue.get(text) ?? byValue.get(text.toLowerCase());
}
