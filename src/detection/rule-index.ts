import type { SecurityEvent } from '../core/index.ts';
import type { FieldGetter } from '../core/index.ts';
import { compileFieldGetter } from '../core/index.ts';
import type { Prefilter } from '../rules/index.ts';

interface Indexed {
  prefilter?: Prefilter | undefined;
}

/** An indexed item and the number of the last event it was visited for, to visit it once per event. */
interface Entry<T> {
  item: T;
  visitedFor: number;
}

interface FieldIndex<T> {
  read: FieldGetter;
  byValue: Map<string, Entry<T>[]>;
}

/**
 * Finds the rules an event can possibly match without running them all: rules whose `where`
 * requires `field: value` are filed under that value; the rest are tried for every event.
 */
export class RuleIndex<T extends Indexed> {
  private readonly always: T[] = [];
  private readonly fields: FieldIndex<T>[] = [];
  private eventNumber = 0;

  constructor(items: readonly T[]) {
    const byField = new Map<string, FieldIndex<T>>();
    for (const item of items) {
      const prefilter = item.prefilter;
      if (prefilter === undefined) {
        this.always.push(item);
        continue;
      }
      let index = byField.get(prefilter.field);
      if (index === undefined) {
        index = { read: compileFieldGetter(prefilter.field), byValue: new Map() };
        byField.set(prefilter.field, index);
        this.fields.push(index);
      }
      const entry: Entry<T> = { item, visitedFor: -1 };
      for (const value of new Set(prefilter.values)) {
        index.byValue.set(value, [...(index.byValue.get(value) ?? []), entry]);
      }
    }
  }

  /** Calls `visit` once for every rule the event may match. */
  forEachCandidate(event: SecurityEvent, visit: (item: T) => void): void {
    const number = ++this.eventNumber;
    for (const item of this.always) visit(item);
    for (const { read, byValue } of this.fields) {
      const value = read(event);
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) {
        for (const element of value) visitEntries(lookup(byValue, element), number, visit);
      } else {
        visitEntries(lookup(byValue, value), number, visit);
      }
    }
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
