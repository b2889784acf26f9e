import type { FieldGetter } from '../core/index.ts';
import { compileFieldGetter } from '../core/index.ts';

/** The wanted names of one object: fields (values go to `slots`) and objects read further. */
interface Node {
  keys: string[];
  slots: number[];
  children: Map<string, Node>;
  /** With many names: what each name leads to, to go through the object's own keys instead. */
  byKey: Map<string, { slots: number[]; child: Node | undefined }> | undefined;
}

/** From this many wanted names on, going through a plain object's keys beats asking for each name. */
const ENUMERATE_FROM = 6;

/**
 * Reads many dotted paths of one event at once, each giving what compileFieldGetter's getter
 * gives. Paths that share a parent (`winlog.event_data.Image`, `winlog.event_data.User`...) read
 * it once, none is tried when it is missing, and a plain object (JSON's) that many names are
 * wanted of is gone through key by key: a rule set that names a hundred places a field may live
 * in costs a read per field the event has rather than one per place.
 */
export class ManyFields {
  private readonly root: Node = emptyNode();
  private readonly getters: { slot: number; read: FieldGetter }[] = [];
  readonly size: number;

  constructor(paths: readonly string[]) {
    paths.forEach((path, slot) => {
      const steps = path.split('.');
      if (steps.some(isInheritedName)) {
        this.getters.push({ slot, read: compileFieldGetter(path) });
        return;
      }
      let node = this.root;
      for (const step of steps.slice(0, -1)) {
        let child = node.children.get(step);
        if (child === undefined) node.children.set(step, (child = emptyNode()));
        node = child;
      }
      node.keys.push(steps.at(-1) as string);
      node.slots.push(slot);
    });
    indexByKey(this.root);
    this.size = paths.length;
  }

  /** Fills `values` (one per path, in the constructor's order) with the event's values. */
  readAll(doc: unknown, values: unknown[]): void {
    values.length = this.size;
    values.fill(undefined);
    for (const { slot, read } of this.getters) values[slot] = read(doc);
    // One-step paths read only an event that is not an array, as their getters do.
    if (isRecord(doc)) readNode(this.root, doc, values, !Array.isArray(doc));
  }
}

function readNode(node: Node, from: Record<string, unknown>, values: unknown[], leaves: boolean): void {
  const { byKey } = node;
  if (byKey !== undefined && leaves && isPlain(from)) {
    // Every enumerable key, inherited ones too, as a read by name would find them.
    for (const key in from) {
      const wanted = byKey.get(key);
      if (wanted === undefined) continue;
      const value = from[key];
      for (let i = 0; i < wanted.slots.length; i++) values[wanted.slots[i] as number] = value;
      if (wanted.child !== undefined && isRecord(value)) readNode(wanted.child, value, values, true);
    }
    return;
  }
  if (leaves) {
    const { keys, slots } = node;
    for (let i = 0; i < keys.length; i++) values[slots[i] as number] = from[keys[i] as string];
  }
  for (const [key, child] of node.children) {
    const value = from[key];
    if (isRecord(value)) readNode(child, value, values, true);
  }
}

function indexByKey(node: Node): void {
  for (const child of node.children.values()) indexByKey(child);
  if (node.keys.length + node.children.size < ENUMERATE_FROM) return;
  const byKey = new Map<string, { slots: number[]; child: Node | undefined }>();
  const entry = (key: string) => {
    let found = byKey.get(key);
    if (found === undefined) byKey.set(key, (found = { slots: [], child: undefined }));
    return found;
  };
  node.keys.forEach((key, i) => entry(key).slots.push(node.slots[i] as number));
  for (const [key, child] of node.children) entry(key).child = child;
  node.byKey = byKey;
}

function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function emptyNode(): Node {
  return { keys: [], slots: [], children: new Map(), byKey: undefined };
}

function isInheritedName(step: string): boolean {
  return step in Object.prototype || step === 'toJSON';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
