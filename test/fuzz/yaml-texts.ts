import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { yamlFragment } from './hostile.ts';
import { mutatedText } from './mutate.ts';
import { editedDocument } from './structured.ts';

/** All documents of a seed file as plain values; throws on a YAML error. */
function readDocuments(text: string): unknown[] {
  return parseAllDocuments(text).map((document) => {
    if (document.errors.length > 0) throw document.errors[0];
    return document.toJS() as unknown;
  });
}

function writeDocuments(documents: unknown): string {
  if (!Array.isArray(documents)) return stringify(documents);
  return documents.map((document: unknown) => stringify(document)).join('---\n');
}

/** `${NAME}` in a flow map is not YAML until quoted (the config loader masks it before parsing). */
function quoteReferences(text: string): string {
  return text.replace(/(?<=[\s:[{,])\$\{(\w+)\}/g, '"${$1}"');
}

/** YAML files from `seeds`: byte-level mutations, structural edits written back as YAML, or both. */
export function mutatedYaml(seeds: readonly string[]): fc.Arbitrary<string> {
  const seed = fc.constantFrom(...seeds);
  const edited = editedDocument(seeds.map(quoteReferences), readDocuments, writeDocuments);
  return fc.oneof(mutatedText(seed, yamlFragment, 5), edited, mutatedText(edited, yamlFragment, 2));
}
