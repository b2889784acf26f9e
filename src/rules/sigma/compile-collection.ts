import type { Rule } from '../model.ts';
import { compileSigmaRule } from './compile-rule.ts';
import { compileSigmaCorrelations } from './correlation/index.ts';
import { applySigmaFilters } from './filter/index.ts';
import { deriveLiteralGates } from './literals/derive-literal-gates.ts';
import { unionReads } from './read-set.ts';
import { SigmaRuleError } from './sigma-error.ts';
import type {
  CompiledSigmaRule,
  SigmaCollection,
  SigmaDocument,
  SigmaOptions,
  SigmaRefusal,
  SigmaRuleDocument,
} from './types.ts';

/**
 * Compiles the Sigma documents of a rules folder: each detection rule that Klaxon can run
 * becomes a rule, every other one a refusal naming file, line and the construct.
 */
export function compileSigmaCollection(
  docs: readonly SigmaDocument[],
  options: SigmaOptions = {},
): SigmaCollection {
  const loaded: { doc: SigmaDocument; compiled: CompiledSigmaRule }[] = [];
  const refused: SigmaRefusal[] = [];
  for (const doc of docs) {
    const title = typeof doc.body.title === 'string' ? doc.body.title : undefined;
    if (doc.kind === 'invalid') {
      refused.push({
        file: doc.file,
        line: doc.error?.line ?? doc.line,
        reason: doc.error?.message ?? 'invalid',
      });
      continue;
    }
    if (doc.kind === 'correlation' || doc.kind === 'filter') continue;
    if (doc.kind !== 'rule') {
      refused.push({ file: doc.file, line: doc.line, ...(title && { title }), reason: refusalOfKind(doc) });
      continue;
    }
    try {
      const origin = { file: doc.file, line: doc.line };
      const compiled = compileSigmaRule(doc as SigmaRuleDocument, origin, options);
      const literals = deriveLiteralGates(doc);
      if (literals !== undefined) {
        compiled.rule.literals = literals;
        const reads = unionReads([compiled.rule.reads, ...literals.map((gate) => gate.fields)]);
        if (reads !== undefined) compiled.rule.reads = reads;
      }
      loaded.push({ doc, compiled });
    } catch (error) {
      if (!(error instanceof SigmaRuleError)) throw error;
      refused.push({ file: error.file, line: error.line, ...(title && { title }), reason: describe(error) });
    }
  }
  refused.push(...applySigmaFilters(docs, loaded, options));
  const correlations = compileSigmaCorrelations(docs, loaded);
  const rules: Rule[] = loaded
    .map((entry) => entry.compiled.rule)
    .filter((rule) => !correlations.hidden.has(rule.id));
  return { rules: [...rules, ...correlations.rules], refused: [...refused, ...correlations.refused] };
}

function refusalOfKind(doc: SigmaDocument): string {
  if (doc.kind === 'correlation') return 'correlation rules are not supported yet';
  if (doc.kind === 'filter') return 'filters are not supported yet';
  return 'not a Sigma rule: expected `logsource` and `detection` (or `correlation`, or `filter`)';
}

function describe(error: SigmaRuleError): string {
  return error.field ? `${error.field}: ${error.reason}` : error.reason;
}
