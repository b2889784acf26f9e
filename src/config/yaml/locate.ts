import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node } from 'yaml';

/** One parsed YAML document and the means to turn node offsets into line and column. */
export interface YamlSource {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
}

export interface Position {
  line: number;
  column: number;
}

export type NodePath = readonly (string | number)[];

interface Lookup {
  /** The node at the end of the path, when the whole path exists. */
  value?: Node;
  /** The key node of the last map step, when it exists. */
  key?: Node;
  /** The deepest node that exists along the path. */
  nearest: Node;
}

export function readKey(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** Follows map keys and list indices from `root`; resolves aliases on the way. */
export function lookupNode(source: YamlSource, root: Node, path: NodePath): Lookup {
  let current: Node = root;
  let key: Node | undefined;
  for (const step of path) {
    const node: unknown = isAlias(current) ? current.resolve(source.doc) : current;
    let next: unknown;
    key = undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => readKey(item.key) === String(step));
      key = pair?.key as Node | undefined;
      next = pair?.value ?? undefined;
      if (pair && !next) return { key, nearest: key ?? current };
    } else if (isSeq(node) && typeof step === 'number') {
      next = node.items[step];
    }
    if (!next) return { nearest: key ?? current };
    current = next as Node;
  }
  return { value: current, key, nearest: current };
}

export function positionOf(source: YamlSource, node: Node | undefined): Position | undefined {
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * Position of the key or value at `path`; for a missing field, the deepest part that exists
 * (the map that should hold it).
 */
export function locate(
  source: YamlSource,
  root: Node,
  path: NodePath,
  part: 'key' | 'value' = 'value',
): Position | undefined {
  const found = lookupNode(source, root, path);
  const node = part === 'key' ? (found.key ?? found.value ?? found.nearest) : (found.value ?? found.nearest);
  return positionOf(source, node);
}
