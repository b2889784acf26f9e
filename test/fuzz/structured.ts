import fc from 'fast-check';
import { HOSTILE_KEYS, hostileValue } from './hostile-values.ts';
import type { Json } from './hostile-values.ts';

// Edits of a parsed document (JSON or YAML) that keep it well-formed, so the input gets past the
// syntax check and reaches the code behind it: field readers, schemas, key expansion.

export type StructuredEdit =
  | { kind: 'set'; at: number; value: Json }
  | { kind: 'delete'; at: number }
  | { kind: 'add-key'; at: number; key: string; value: Json }
  | { kind: 'wrap'; at: number };

export const structuredEdit: fc.Arbitrary<StructuredEdit> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: hostileValue }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('add-key' as const),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 })),
      value: hostileValue,
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }), weight: 1 },
);

interface Slot {
  parent: Json[] | Record<string, Json>;
  key: string | number;
}

/** Every place in the document that holds a value (breadth first, at most 500). */
function slots(root: Json): Slot[] {
  const found: Slot[] = [];
  const queue: Json[] = [root];
  while (queue.length > 0 && found.length < 500) {
    const value = queue.shift() as Json;
    if (typeof value !== 'object' || value === null) continue;
    for (const key of Object.keys(value)) {
      const parent = value as Record<string, Json>;
      found.push({ parent, key: Array.isArray(value) ? Number(key) : key });
      queue.push(parent[key] as Json);
    }
  }
  return found;
}

/**
 * Sets an own property, `__proto__` included (plain assignment would change the prototype), to a
 * copy: generated values are shared between runs and must never end up in two places.
 */
function put(target: Json[] | Record<string, Json>, key: string | number, value: Json): void {
  const copy = value === undefined ? value : (JSON.parse(JSON.stringify(value)) as Json);
  Object.defineProperty(target, key, { value: copy, enumerable: true, writable: true, configurable: true });
}

export function applyStructuredEdit(root: Json, edit: StructuredEdit): Json {
  const all = slots(root);
  if (all.length === 0) return root;
  const slot = all[edit.at % all.length] as Slot;
  const current = (slot.parent as Record<string | number, Json>)[slot.key] as Json;
  if (edit.kind === 'set') put(slot.parent, slot.key, edit.value);
  else if (edit.kind === 'wrap') put(slot.parent, slot.key, [current]);
  else if (edit.kind === 'delete') {
    if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
    else delete slot.parent[slot.key];
  } else {
    const holder =
      typeof current === 'object' && current !== null && !Array.isArray(current) ? current : slot.parent;
    if (!Array.isArray(holder)) put(holder, edit.key, edit.value);
  }
  return root;
}

/**
 * A parsed seed with up to `maxEdits` structural edits, written back as text by `write`. Seeds
 * `read` cannot parse are left out (they still serve the byte-level mutations); the others are
 * read once and kept as JSON, which is quicker to copy than to read again.
 */
export function editedDocument(
  seeds: readonly string[],
  read: (text: string) => unknown,
  write: (value: unknown) => string,
  maxEdits = 4,
): fc.Arbitrary<string> {
  const parsed: string[] = [];
  for (const seed of seeds) {
    try {
      parsed.push(JSON.stringify(read(seed)));
    } catch {
      // not readable: byte-level mutations only
    }
  }
  if (parsed.length === 0) throw new Error('no seed can be read');
  return fc
    .tuple(fc.constantFrom(...parsed), fc.array(structuredEdit, { minLength: 1, maxLength: maxEdits }))
    .map(([seed, edits]) => write(edits.reduce(applyStructuredEdit, JSON.parse(seed) as Json)));
}
