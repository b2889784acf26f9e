import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { commonFragment } from './hostile.ts';
import { mutatedText } from './mutate.ts';
import { editedDocument } from './structured.ts';

/** YAML text: anchors, aliases, merge keys, tags, directives, block scalars. */
export const yamlFragment: fc.Arbitrary<string> = fc.oneof(
  commonFragment,
  fc.constantFrom(
    '&a ',
    '&a [1, 2]\nb: *a\n',
    '<<: {polluted: 1}\n',
    '__proto__: {polluted: 1}\n',
    '"__proto__": {"polluted": 1}\n',
    'constructor: {prototype: {polluted: 1}}\n',
    '!!binary ',
    '!!js/function "x"',
    '!!timestamp 2001-12-14',
    '!!set {a, b}',
    '!!omap [a: 1]',
    '!!int 1e3',
    '!!float .inf',
    '!custom ',
    '!<tag:yaml.org,2002:str> ',
    '? [a, b]\n: c\n',
    '? {a: 1}\n: d\n',
    '%YAML 1.1\n---\n',
    '%TAG ! tag:x,2000:\n---\n',
    '---\n',
    '...\n',
    "'",
    '"',
    '|',
    '>-\n',
    ': ',
    '- ',
    '  ',
    '\t',
    '#',
    '{',
    '}',
    '[',
    ']',
    ',',
    'x: y: z',
    '.inf',
    '-.inf',
    '.nan',
    '0o777',
    '0x' + 'f'.repeat(40),
    '1e400',
    '~',
    'null',
    'yes',
    'on',
    '2001-12-14t21:59:43.10-05:00',
    '${UNSET_VARIABLE}',
    '${',
    '$${X}',
    '(a+)+$',
    '|re',
    '[[',
  ),
);

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
