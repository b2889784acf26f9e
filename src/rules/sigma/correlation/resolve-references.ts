import { SigmaRuleError } from '../sigma-error.ts';
import type { CompiledSigmaRule, SigmaDocument } from '../types.ts';

/** A Sigma detection rule that loaded, with the `name` correlations may call it by. */
export interface SigmaBase {
  doc: SigmaDocument;
  compiled: CompiledSigmaRule;
  name?: string;
}

/** What a correlation may refer to: loaded rules, and the ids and names of every other document. */
export interface ReferenceTable {
  bases: Map<string, SigmaBase>;
  /** Name or id → why it cannot be used (a correlation, or a rule that was refused). */
  unusable: Map<string, string>;
}

export function buildReferenceTable(bases: SigmaBase[], docs: readonly SigmaDocument[]): ReferenceTable {
  const table: ReferenceTable = { bases: new Map(), unusable: new Map() };
  for (const doc of docs) {
    const why =
      doc.kind === 'correlation'
        ? 'is itself a correlation: chaining correlations is not supported'
        : 'was not loaded (see its own refusal)';
    for (const key of keysOf(doc)) table.unusable.set(key, why);
  }
  for (const base of bases) for (const key of keysOf(base.doc)) table.bases.set(key, base);
  return table;
}

/** The referenced rules of a correlation, in order; throws naming the first it cannot use. */
export function resolveReferences(
  doc: SigmaDocument,
  references: string[],
  table: ReferenceTable,
): SigmaBase[] {
  return references.map((reference) => {
    const key = reference.toLowerCase();
    const base = table.bases.get(key);
    if (base !== undefined) return base;
    const why = table.unusable.get(key) ?? 'is not the name or id of any Sigma rule loaded with it';
    throw new SigmaRuleError(
      doc.file,
      doc.lineOf(['correlation', 'rules']),
      'correlation.rules',
      `\`${reference}\` ${why}`,
    );
  });
}

function keysOf(doc: SigmaDocument): string[] {
  return [doc.body.id, doc.body.name]
    .filter((value): value is string => typeof value === 'string' && value !== '')
    .map((value) => value.toLowerCase());
}
