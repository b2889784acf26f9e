import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import { readKey } from '../../config/index.ts';

/**
 * Converts the YAML node of a `where` to plain values for the compiler. A number whose text
 * differs from its canonical form (`0x10`, `0123`, `1.0`, 20-digit ids) keeps the text as written:
 * log fields hold it as text, and a float would lose digits.
 */
export function convertWhereNode(node: unknown, doc: Document): unknown {
  if (isAlias(node)) return convertWhereNode(node.resolve(doc), doc);
  if (isMap(node)) {
    const result: Record<string, unknown> = {};
    for (const pair of node.items) result[readKey(pair.key)] = convertWhereNode(pair.value, doc);
    return result;
  }
  if (isSeq(node)) return node.items.map((item) => convertWhereNode(item, doc));
  if (isScalar(node)) {
    const { value, source } = node;
    if (typeof value === 'number' && source !== undefined && source !== String(value)) return source;
    return value;
  }
  return node ?? null;
}
