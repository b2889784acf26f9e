import { isObject } from '../../core/index.ts';
import { keepsField } from '../slim-event.ts';

/** Winlogbeat and Windows write `-` (and sometimes nothing) where a value is absent. */
export function isBlankValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === '-';
}

/**
 * Fills `value` in at a nested path unless the document already holds a real value there
 * (Winlogbeat output already carries most ECS fields: those win). A blank existing value
 * (`-`, empty) is replaced, or removed when there is nothing to put in its place.
 * Objects on the way are created as needed (and an object emptied so is removed); a scalar
 * where an object belongs is left alone. A slim event is left without the fields it does not keep.
 */
export function fillPath(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  if (!keepsField(root, path)) return;
  let parent = root;
  let current = root;
  const last = path.length - 1;
  for (let i = 0; i < last; i++) {
    const step = path[i] as string;
    const next = current[step];
    if (isObject(next)) {
      parent = current;
      current = next;
    } else if (next === undefined) {
      if (value === undefined) return;
      const created: Record<string, unknown> = {};
      current[step] = created;
      parent = current;
      current = created;
    } else {
      return;
    }
  }
  const key = path[last] as string;
  const existing = current[key];
  if (!isBlankValue(existing)) return;
  if (value !== undefined) {
    current[key] = value;
  } else if (existing !== undefined) {
    delete current[key];
    if (current !== root && isEmpty(current)) delete parent[path[last - 1] as string];
  }
}

/**
 * Whether fillPath(root, path, value) would change `root` for some value: the field is kept, no
 * scalar stands on its way, and it holds no real value. A caller spares working out a value
 * that would not be used.
 */
export function wouldFill(root: Record<string, unknown>, path: readonly string[]): boolean {
  if (!keepsField(root, path)) return false;
  let current = root;
  const last = path.length - 1;
  for (let i = 0; i < last; i++) {
    const next = current[path[i] as string];
    if (next === undefined) return true;
    if (!isObject(next)) return false;
    current = next;
  }
  return isBlankValue(current[path[last] as string]);
}

function isEmpty(object: Record<string, unknown>): boolean {
  for (const _ in object) return false;
  return true;
}

/** A Windows event data value as text; `-`, empty and missing are all undefined. */
export function readData(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  if (typeof value === 'string') return value === '-' || value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}
