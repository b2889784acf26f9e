import { defineOwnField } from '../../core/index.ts';

/**
 * Elasticsearch treats `{"source.ip": "1.2.3.4"}` and `{"source": {"ip": "1.2.3.4"}}` as the same
 * document; rules only read the nested form, so dotted keys are expanded into nested objects.
 */

/**
 * Cheap test on the raw JSON line: false means no key anywhere in it contains a dot.
 * A dotted key shows as `.` then a run without `"`, `.` or `\` then `"`, blanks and `:`; a value is
 * never followed by `:`, so values with dots (addresses, times, prose) never match. The run stops
 * at the next dot, so every character is looked at about once. A key holding both a dot and a
 * backslash escape is not detected (it stays as written).
 */
export function mayHaveDottedKey(line: string): boolean {
  const length = line.length;
  let dot = line.indexOf('.');
  while (dot !== -1) {
    let i = dot + 1;
    let code = 0;
    for (; i < length; i++) {
      code = line.charCodeAt(i);
      if (code === 34 || code === 46 || code === 92) break; // " . \
    }
    if (i >= length) return false;
    if (code === 46) {
      dot = i;
      continue;
    }
    if (code === 34 && isColonNext(line, i + 1)) return true;
    dot = line.indexOf('.', i + 1);
  }
  return false;
}

function isColonNext(line: string, from: number): boolean {
  for (let i = from; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 58) return true; // :
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) return false;
  }
  return false;
}

/**
 * Expands dotted keys at every depth (also inside arrays), merging into existing objects:
 * `{"source.ip": "1.2.3.4", "source": {"port": 22}}` → `{"source": {"port": 22, "ip": "1.2.3.4"}}`.
 * Where a dotted key collides with a value that is not an object (`{"a": 1, "a.b": 2}`, a mapping
 * conflict in Elasticsearch), it is kept as written; so are keys with an empty or `__proto__` step,
 * and keys of more than MAX_KEY_STEPS steps (a 100,000-step key would build a document that deep).
 * Returns the same object when nothing changed at its level.
 */
export function expandDottedKeys(doc: Record<string, unknown>): Record<string, unknown> {
  let dotted = false;
  for (const key in doc) {
    const value = doc[key];
    if (typeof value === 'object' && value !== null) expandChild(doc, key, value);
    if (!dotted && key.indexOf('.') !== -1) dotted = true;
  }
  if (!dotted) return doc;
  const out: Record<string, unknown> = {};
  for (const key in doc) {
    if (key.indexOf('.') === -1) defineKey(out, key, doc[key]);
  }
  const parents: ParentMemo = { path: undefined, object: out };
  for (const key in doc) {
    if (key.indexOf('.') !== -1) placeDotted(out, key, doc[key], parents);
  }
  return out;
}

/** The object the previous dotted key went into: flattened documents list siblings together. */
interface ParentMemo {
  path: string | undefined;
  object: Record<string, unknown>;
}

function expandChild(parent: Record<string, unknown>, key: string, value: object): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (isPlainObject(item)) value[i] = expandDottedKeys(item);
    }
    return;
  }
  const expanded = expandDottedKeys(value as Record<string, unknown>);
  if (expanded !== value) parent[key] = expanded;
}

function placeDotted(out: Record<string, unknown>, key: string, value: unknown, parents: ParentMemo): void {
  const path = splitDottedKey(key);
  if (path === null) return defineKey(out, key, value);
  let current: Record<string, unknown> | undefined;
  if (path.parent === parents.path) {
    current = parents.object;
  } else {
    current = findParent(out, path.steps);
    if (current === undefined) return defineKey(out, key, value);
    parents.path = path.parent;
    parents.object = current;
  }
  const existing = ownValue(current, path.leaf);
  if (existing === undefined) current[path.leaf] = value;
  else if (isPlainObject(existing) && isPlainObject(value)) mergeInto(out, key, existing, value);
  else defineKey(out, key, value);
}

/** Walks (creating as needed) to the object that holds the last step; undefined when a scalar is in the way. */
function findParent(
  out: Record<string, unknown>,
  steps: readonly string[],
): Record<string, unknown> | undefined {
  let current = out;
  for (let i = 0; i < steps.length - 1; i++) {
    const step = steps[i] as string;
    const next = ownValue(current, step);
    if (next === undefined) {
      const created: Record<string, unknown> = {};
      current[step] = created;
      current = created;
    } else if (isPlainObject(next)) {
      current = next;
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * ECS names have at most 6 steps. With documents read within JSON_LIMITS (64 levels), expansion
 * can then build at most 64 × 16 levels, which every later recursive walk (JSON.stringify,
 * snapshots) goes through without running out of stack.
 */
export const MAX_KEY_STEPS = 16;

interface DottedPath {
  steps: readonly string[];
  /** Everything before the last step: one shared string per distinct parent, compared by identity. */
  parent: string;
  leaf: string;
}

// The same keys come back in every document. Reusing one split per key lets V8 look the steps
// up as known property names instead of hashing fresh substrings every time.
const PATH_CACHE_LIMIT = 10_000;
// Field names are short; long keys are not kept, so hostile ones cannot fill memory.
const CACHED_KEY_LENGTH = 256;
const pathCache = new Map<string, DottedPath | null>();
const parentNames = new Map<string, string>();

/** The steps of a dotted key, or null when it is no path (an empty or `__proto__` step, too many steps). */
function splitDottedKey(key: string): DottedPath | null {
  const cached = pathCache.get(key);
  if (cached !== undefined) return cached;
  const steps = key.split('.', MAX_KEY_STEPS + 1);
  const cacheable = key.length <= CACHED_KEY_LENGTH;
  let path: DottedPath | null = null;
  if (steps.length <= MAX_KEY_STEPS && !steps.includes('') && !steps.includes('__proto__')) {
    const parentText = key.slice(0, key.lastIndexOf('.'));
    let parent = cacheable ? parentNames.get(parentText) : parentText;
    if (parent === undefined) {
      parent = parentText;
      parentNames.set(parent, parent);
    }
    path = { steps, parent, leaf: steps[steps.length - 1] as string };
  }
  if (!cacheable) return path;
  if (pathCache.size >= PATH_CACHE_LIMIT) {
    pathCache.clear();
    parentNames.clear();
  }
  pathCache.set(key, path);
  return path;
}

/** Merges `source` into `target` (both at dotted `path` of `root`); a colliding leaf stays at root under its full dotted path. */
function mergeInto(
  root: Record<string, unknown>,
  path: string,
  target: Record<string, unknown>,
  source: Record<string, unknown>,
): void {
  for (const key in source) {
    const existing = ownValue(target, key);
    const value = source[key];
    if (existing === undefined) defineKey(target, key, value);
    else if (isPlainObject(existing) && isPlainObject(value))
      mergeInto(root, `${path}.${key}`, existing, value);
    else defineKey(root, `${path}.${key}`, value);
  }
}

// Inherited members are not values of the document: `__proto__` would be Object.prototype, the
// others (`constructor`, `toString`) are functions, which JSON never holds.
function ownValue(target: Record<string, unknown>, key: string): unknown {
  if (key === '__proto__') return Object.hasOwn(target, key) ? target[key] : undefined;
  const value = target[key];
  return typeof value === 'function' ? undefined : value;
}

/** Assigns an own property even for `__proto__`, which plain assignment would turn into a prototype change. */
function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    defineOwnField(target, key, value);
  } else {
    target[key] = value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
