import fc from 'fast-check';
import { jsonFragment } from './hostile.ts';
import { mutatedText } from './mutate.ts';
import { deepJson, hugeJson, JSON_LIMITS_OWNER } from './pending.ts';
import type { PendingGenerator } from './runner.ts';
import { editedDocument } from './structured.ts';

/** JSON lines from `seeds`: byte-level mutations, structural edits, or both. */
export function mutatedJsonLine(seeds: readonly string[]): fc.Arbitrary<string> {
  const seed = fc.constantFrom(...seeds);
  const edited = editedDocument(seeds, JSON.parse, (value) => JSON.stringify(value));
  return fc.oneof(mutatedText(seed, jsonFragment), edited, mutatedText(edited, jsonFragment, 2));
}

export const pendingJsonLines: readonly PendingGenerator<string>[] = [
  { what: 'JSON nested 10 k to 1 M deep', owner: JSON_LIMITS_OWNER, arbitrary: deepJson },
  { what: 'JSON lines of 8 to 32 MB', owner: JSON_LIMITS_OWNER, arbitrary: hugeJson },
];
