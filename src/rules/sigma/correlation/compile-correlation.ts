import type { GroupAlias, LiteralGate, Prefilter, Rule, RuleCommon, SequenceStep } from '../../model.ts';
import { combineAny } from '../../where/combine.ts';
import { readSigmaMetadata } from '../metadata.ts';
import { unionReads } from '../read-set.ts';
import { SigmaRuleError } from '../sigma-error.ts';
import type { SigmaDocument } from '../types.ts';
import { lowerBound, requiredRules } from './count-condition.ts';
import { eventFieldsOf } from './group-fields.ts';
import type { CorrelationSpec } from './read-correlation.ts';
import type { SigmaBase } from './resolve-references.ts';

/**
 * One Sigma correlation as a Klaxon detection over the events of its referenced rules:
 * event_count → threshold, value_count → cardinality, temporal_ordered → sequence, temporal →
 * sequence in any order. The group is named by the Sigma fields as written (`group-by`); each
 * referenced rule reads them from its own event fields (`aliases`, else the field itself).
 */
export function compileCorrelation(doc: SigmaDocument, spec: CorrelationSpec, bases: SigmaBase[]): Rule {
  const fail = (field: string, reason: string): never => {
    throw new SigmaRuleError(doc.file, doc.lineOf(['correlation', field]), `correlation.${field}`, reason);
  };
  const { common } = readSigmaMetadata(doc, { file: doc.file, line: doc.line });
  const base: RuleCommon = {
    ...common,
    matches: combineAny(bases.map((entry) => entry.compiled.rule.matches)),
    ...shared(bases),
    ...readsOf(bases, spec),
    groupBy: spec.groupBy,
    groupAliases: bases.map((entry) => ({
      matches: entry.compiled.rule.matches,
      fields: spec.groupBy.map((field) => fieldFor(field, entry, spec)),
    })) satisfies GroupAlias[],
    windowMs: spec.timespanMs,
    resolveAfterMs: spec.timespanMs,
    source: { file: doc.file, line: doc.line },
  };
  if (spec.type === 'event_count' || spec.type === 'value_count') {
    const bound = lowerBound(spec.condition, spec.type === 'event_count' ? 'events' : 'distinct values');
    if ('refused' in bound) return fail('condition', bound.refused);
    if (spec.type === 'event_count') return { ...base, type: 'threshold', threshold: bound.atLeast };
    // The cardinality rule reads one path: the first place the detection would read it from.
    const distinct = bases.map((entry) => fieldFor(spec.field as string, entry, spec)[0] as string);
    if (new Set(distinct).size > 1) {
      fail(
        'condition',
        `value_count \`field\` ${spec.field} names different event fields in the referenced rules`,
      );
    }
    return { ...base, type: 'cardinality', threshold: bound.atLeast, distinct: distinct[0] as string };
  }
  const ordered = spec.type === 'temporal_ordered';
  const required = requiredRules(spec.condition, bases.length, ordered);
  if ('refused' in required) return fail('condition', required.refused);
  const steps: SequenceStep[] = bases.map((entry) => ({
    name: entry.name ?? entry.compiled.rule.title,
    matches: entry.compiled.rule.matches,
    count: 1,
  }));
  return { ...base, type: 'sequence', steps, ...(!ordered && { unordered: { required: required.atLeast } }) };
}

/** Where a Sigma field (or alias) is read in the events of one referenced rule, first present wins. */
function fieldFor(field: string, entry: SigmaBase, spec: CorrelationSpec): string[] {
  const aliased = entry.name === undefined ? undefined : spec.aliases[field]?.[entry.name];
  return eventFieldsOf(aliased ?? field, entry.compiled.detection.logsource);
}

/**
 * What the referenced rules read, and every place the group fields and the counted field are read
 * from in their events (or as written, where no alias matches); nothing when one reads the whole event.
 */
function readsOf(bases: SigmaBase[], spec: CorrelationSpec): { reads?: string[] } {
  const named = spec.field === undefined ? spec.groupBy : [...spec.groupBy, spec.field];
  const reads = unionReads([
    ...bases.map((entry) => entry.compiled.rule.reads),
    named,
    ...bases.flatMap((entry) => named.map((field) => fieldFor(field, entry, spec))),
  ]);
  return reads === undefined ? {} : { reads };
}

/** The index keys every referenced rule shares, so the correlation is skipped where they all are. */
function shared(bases: SigmaBase[]): { prefilter?: Prefilter; literals?: LiteralGate[] } {
  const prefilters = bases.map((entry) => entry.compiled.rule.prefilter);
  const gates = bases.map((entry) => entry.compiled.rule.literals);
  const result: { prefilter?: Prefilter; literals?: LiteralGate[] } = {};
  const [firstPrefilter] = prefilters;
  if (firstPrefilter && prefilters.every((p) => p?.field === firstPrefilter.field)) {
    result.prefilter = {
      field: firstPrefilter.field,
      values: [...new Set(prefilters.flatMap((p) => p?.values ?? []))],
    };
  }
  // The correlation may match where any referenced rule may: every one must be gated.
  if (gates.every((gate) => gate !== undefined && gate.length > 0)) {
    result.literals = gates.flatMap((gate) => gate ?? []);
  }
  return result;
}
