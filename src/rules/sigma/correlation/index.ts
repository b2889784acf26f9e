import type { Rule } from '../../model.ts';
import { SigmaRuleError } from '../sigma-error.ts';
import type { CompiledSigmaRule, SigmaDocument, SigmaRefusal } from '../types.ts';
import { compileCorrelation } from './compile-correlation.ts';
import { readCorrelation } from './read-correlation.ts';
import { buildReferenceTable, resolveReferences } from './resolve-references.ts';
import type { SigmaBase } from './resolve-references.ts';

export type { SigmaBase } from './resolve-references.ts';

export interface CompiledCorrelations {
  rules: Rule[];
  refused: SigmaRefusal[];
  /**
   * Ids of referenced rules that make no incidents of their own: every correlation naming them
   * leaves `generate` false (the default).
   */
  hidden: Set<string>;
}

/**
 * Compiles the correlation documents of a folder over its loaded detection rules (`loaded`: each
 * rule document that compiled, filters already applied). `docs`: every document, to name a
 * reference that exists but cannot be used.
 */
export function compileSigmaCorrelations(
  docs: readonly SigmaDocument[],
  loaded: readonly { doc: SigmaDocument; compiled: CompiledSigmaRule }[],
): CompiledCorrelations {
  const bases: SigmaBase[] = loaded.map(({ doc, compiled }) => ({
    doc,
    compiled,
    ...(typeof doc.body.name === 'string' && { name: doc.body.name }),
  }));
  const table = buildReferenceTable(bases, docs);
  const result: CompiledCorrelations = { rules: [], refused: [], hidden: new Set() };
  const generated = new Set<string>();
  for (const doc of docs.filter((candidate) => candidate.kind === 'correlation')) {
    const title = typeof doc.body.title === 'string' ? doc.body.title : undefined;
    try {
      const spec = readCorrelation(doc);
      const referenced = resolveReferences(doc, spec.rules, table);
      for (const base of referenced) (spec.generate ? generated : result.hidden).add(base.compiled.rule.id);
      result.rules.push(compileCorrelation(doc, spec, referenced));
    } catch (error) {
      if (!(error instanceof SigmaRuleError)) throw error;
      const reason = error.field ? `${error.field}: ${error.reason}` : error.reason;
      result.refused.push({ file: error.file, line: error.line, ...(title && { title }), reason });
    }
  }
  for (const id of generated) result.hidden.delete(id);
  return result;
}
