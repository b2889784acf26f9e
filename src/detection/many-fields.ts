import type { FieldGetter } from '../core/index.ts';
import { compileFieldGetter, isObject } from '../core/index.ts';

/** A parent path, read as `key` of an earlier parent (-1: the event itself). */
interface Parent {
  parent: number;
  key: string;
}

/** The wanted fields of one object: their names and where their values go. */
interface Group {
  keys: string[];
  slots: number[];
  /** With many names: the slots by name, to go through the object's own keys instead. */
  byKey: Map<string, number[]> | undefined;
}

/** From this many wanted names on, going through a plain object's keys beats asking for each name. */
const ENUMERATE_FROM = 6;

/**
 * Reads many dotted paths of one event at once, each giving what compileFieldGetter's getter
 * gives. Paths that share a parent (`winlog.event_data.Image`, `winlog.event_data.User`...) read
 * it once, none is tried when it is missing, and a plain object (JSON's) that many paths end in
 * is gone through key by key: a rule set that names a hundred places a field may live in costs
 * a read per field the event has rather than one per place.
 */
export class ManyFields {
  private readonly parents: Parent[] = [];
  private readonly parentValues: unknown[] = [];
  /** groups[0]: one-step paths (read from an event that is not an array); groups[p + 1]: parent p's. */
  private readonly groups: Group[] = [emptyGroup()];
  private readonly getters: { slot: number; read: FieldGetter }[] = [];
  readonly size: number;

  constructor(paths: readonly string[]) {
    const parentIndex = new Map<string, number>();
    const parentOf = (steps: readonly string[]): number => {
      if (steps.length === 0) return -1;
      const path = steps.join('.');
      let index = parentIndex.get(path);
      if (index === undefined) {
        const parent = parentOf(steps.slice(0, -1));
        index = this.parents.length;
        this.parents.push({ parent, key: steps.at(-1) as string });
        this.groups.push(emptyGroup());
        parentIndex.set(path, index);
      }
      return index;
    };
    paths.forEach((path, slot) => {
      const steps = path.split('.');
      if (steps.some(isInheritedName)) {
        this.getters.push({ slot, read: compileFieldGetter(path) });
        return;
      }
      const group = this.groups[parentOf(steps.slice(0, -1)) + 1] as Group;
      group.keys.push(steps.at(-1) as string);
      group.slots.push(slot);
    });
    for (const group of this.groups) {
      if (group.keys.length < ENUMERATE_FROM) continue;
      group.byKey = new Map();
      group.keys.forEach((key, i) =>
        group.byKey?.set(key, [...(group.byKey.get(key) ?? []), group.slots[i] as number]),
      );
    }
    this.parentValues = new Array<unknown>(this.parents.length).fill(undefined);
    this.size = paths.length;
  }

  /** Fills `values` (one per path, in the constructor's order) with the event's values. */
  readAll(doc: unknown, values: unknown[]): void {
    const { parents, parentValues, groups, getters } = this;
    values.length = this.size;
    values.fill(undefined);
    for (const { slot, read } of getters) values[slot] = read(doc);
    if (isObject(doc)) readGroup(groups[0] as Group, doc, values);
    for (let i = 0; i < parents.length; i++) {
      const { parent, key } = parents[i] as Parent;
      const from = parent < 0 ? doc : parentValues[parent];
      const value = isRecord(from) ? from[key] : undefined;
      parentValues[i] = value;
      if (isRecord(value)) readGroup(groups[i + 1] as Group, value, values);
    }
    parentValues.fill(undefined);
  }
}

function readGroup(group: Group, from: Record<string, unknown>, values: unknown[]): void {
  const { byKey, keys, slots } = group;
  if (byKey !== undefined && isPlain(from)) {
    // Every enumerable key, inherited ones too, as a read by name would find them.
    for (const key in from) {
      const found = byKey.get(key);
      if (found === undefined) continue;
      for (let i = 0; i < found.length; i++) values[found[i] as number] = from[key];
    }
    return;
  }
  for (let i = 0; i < keys.length; i++) values[slots[i] as number] = from[keys[i] as string];
}

function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function emptyGroup(): Group {
  return { keys: [], slots: [], byKey: undefined };
}

function isInheritedName(step: string): boolean {
  return step in Object.prototype || step === 'toJSON';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
