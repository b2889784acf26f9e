import { compileSigmaRule } from '../compile-rule.ts';
import { readLogsource } from '../metadata.ts';
import { unionReads } from '../read-set.ts';
import { SigmaRuleError } from '../sigma-error.ts';
import type {
  CompiledSigmaDetection,
  CompiledSigmaRule,
  SigmaDocument,
  SigmaLogsource,
  SigmaOptions,
  SigmaRefusal,
  SigmaRuleDocument,
} from '../types.ts';

interface Loaded {
  doc: SigmaDocument;
  compiled: CompiledSigmaRule;
}

/**
 * Applies Sigma filters (meta-filters) to the loaded rules they name, as pySigma does: the rule's
 * condition becomes `(condition) and (filter condition)`, so a filter written `not selection`
 * makes the rule stop matching the events `selection` matches (Klaxon's `unless`). A filter names
 * rules by id or name, or `any`/`all` (or none) for every rule of its log source; it applies only
 * to rules whose log source is within the filter's. Returns the filters that could not load.
 */
export function applySigmaFilters(
  docs: readonly SigmaDocument[],
  loaded: Loaded[],
  options: SigmaOptions = {},
): SigmaRefusal[] {
  const refused: SigmaRefusal[] = [];
  for (const doc of docs.filter((candidate) => candidate.kind === 'filter')) {
    try {
      const filter = compileFilter(doc, options);
      for (const entry of loaded) {
        if (!filter.appliesTo(entry)) continue;
        const { rule } = entry.compiled;
        const matches = rule.matches;
        const kept = filter.keepsFor(entry.compiled.detection.logsource);
        const reads = unionReads([rule.reads, kept.reads]);
        const { reads: _before, ...others } = rule;
        entry.compiled = {
          ...entry.compiled,
          rule: {
            ...others,
            matches: (event) => matches(event) && kept.matches(event),
            ...(reads !== undefined && { reads }),
          },
        };
      }
    } catch (error) {
      if (!(error instanceof SigmaRuleError)) throw error;
      const title = typeof doc.body.title === 'string' ? doc.body.title : undefined;
      const reason = error.field ? `${error.field}: ${error.reason}` : error.reason;
      refused.push({ file: error.file, line: error.line, ...(title && { title }), reason });
    }
  }
  return refused;
}

interface CompiledFilter {
  /**
   * The filter's condition on a rule's log source (events it fails are no longer matched by the
   * rule), and the fields it reads.
   */
  keepsFor(logsource: SigmaLogsource): CompiledSigmaDetection;
  appliesTo(entry: Loaded): boolean;
}

function compileFilter(doc: SigmaDocument, options: SigmaOptions): CompiledFilter {
  const section = doc.body.filter as Record<string, unknown>;
  const fail = (reason: string): never => {
    throw new SigmaRuleError(doc.file, doc.lineOf(['filter', 'rules']), 'filter.rules', reason);
  };
  const references = readReferences(section.rules, fail);
  const logsource = readLogsource(doc.body.logsource);
  const { rules: _rules, ...detection } = section;
  // The selection and condition, compiled by the rule compiler with the field names of each target's
  // log source (a filter may name only `product: windows`); once per log source.
  const byLogsource = new Map<string, CompiledSigmaDetection>();
  const keepsFor = (target: SigmaLogsource): CompiledSigmaDetection => {
    const key = JSON.stringify(target);
    let keeps = byLogsource.get(key);
    if (keeps === undefined) {
      const asRule: SigmaRuleDocument = {
        ...doc,
        kind: 'rule',
        body: { title: doc.body.title ?? 'filter', logsource: target, detection },
        lineOf: (path) => doc.lineOf(path[0] === 'detection' ? ['filter', ...path.slice(1)] : path),
      };
      keeps = compileSigmaRule(asRule, { file: doc.file, line: doc.line }, options).detection;
      byLogsource.set(key, keeps);
    }
    return keeps;
  };
  return {
    keepsFor,
    appliesTo: (entry) =>
      within(entry.compiled.detection.logsource, logsource) &&
      (references === 'all' || references.some((ref) => names(entry.doc).includes(ref))),
  };
}

function readReferences(value: unknown, fail: (reason: string) => never): string[] | 'all' {
  if (value === undefined) return fail('missing `rules`: the ids or names of the rules to filter, or `any`');
  if (typeof value === 'string')
    return ['any', 'all'].includes(value.toLowerCase()) ? 'all' : [value.toLowerCase()];
  if (!Array.isArray(value)) return fail('expected a list of rule ids or names, or `any`');
  if (value.length === 0) return 'all';
  return value.map((item) =>
    typeof item === 'string' ? item.toLowerCase() : fail('expected a list of rule ids or names'),
  );
}

/** A rule's log source is within the filter's when it has every key the filter names, equal. */
function within(rule: SigmaLogsource, filter: SigmaLogsource): boolean {
  return (['product', 'category', 'service'] as const).every(
    (key) => filter[key] === undefined || filter[key] === rule[key],
  );
}

function names(doc: SigmaDocument): string[] {
  return [doc.body.id, doc.body.name]
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.toLowerCase());
}
