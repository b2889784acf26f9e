import { isObject, readBoundedJson } from '../../core/index.ts';

/** JSON-based parsers sniff with this: how many sample lines hold a JSON object, and which of those match. */
export interface JsonSampleCount {
  /** Non-blank sample lines. */
  lines: number;
  /** Lines whose JSON is an object (a search hit counts by its `_source`). */
  objects: number;
  /** Objects for which `matches` held. */
  matching: number;
}

export function countJsonSample(
  sample: readonly string[],
  matches: (doc: Record<string, unknown>) => boolean = () => true,
): JsonSampleCount {
  const count: JsonSampleCount = { lines: 0, objects: 0, matching: 0 };
  for (const line of sample) {
    const text = line.trim();
    if (text.length === 0) continue;
    count.lines++;
    if (text.charCodeAt(0) !== 123 && text.charCodeAt(0) !== 0xfeff) continue; // '{'
    const doc = parseObject(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    if (doc === undefined) continue;
    count.objects++;
    if (matches(isObject(doc._source) ? doc._source : doc)) count.matching++;
  }
  return count;
}

function parseObject(text: string): Record<string, unknown> | undefined {
  const parsed = readBoundedJson(text);
  return parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
}
