import type { EventPredicate, Prefilter, Rule, RuleCommon, SequenceStep } from './model.ts';
import type { RuleInput } from './schema.ts';
import { combineAll, combineAny } from './where/combine.ts';

const MATCH_DEFAULT_WINDOW_MS = 5 * 60_000;

export interface CompiledFilters {
  where?: EventPredicate;
  unless?: EventPredicate;
  /** Sequence rules: each step's own `where`, in order. */
  steps: EventPredicate[];
  /** A necessary condition derived from the top-level `where`, for the engine's rule index. */
  prefilter?: Prefilter | undefined;
  /** Fields the conditions (`where`, `unless`, steps) read. */
  fields?: ReadonlySet<string>;
}

/** Builds the compiled rule from validated input and compiled filters, applying defaults. */
export function assembleRule(input: RuleInput, filters: CompiledFilters, source: RuleCommon['source']): Rule {
  const windowMs =
    input.window ?? (input.type === 'sequence' ? input.within : undefined) ?? MATCH_DEFAULT_WINDOW_MS;
  const stepPredicates = filters.steps.map((step) =>
    excludeUnless(combineWhere(filters.where, step), filters.unless),
  );
  const common: RuleCommon = {
    id: input.id,
    title: input.title,
    ...(input.description !== undefined && { description: input.description }),
    enabled: input.enabled,
    severity: input.severity,
    confidence: input.confidence,
    attack: input.attack,
    ...(input.runbook !== undefined && { runbook: input.runbook }),
    tags: input.tags,
    // For sequences: an event that can count for at least one step.
    matches:
      input.type === 'sequence'
        ? combineAny(stepPredicates)
        : excludeUnless(filters.where ?? (() => true), filters.unless),
    ...(filters.prefilter !== undefined && { prefilter: filters.prefilter }),
    groupBy: input.group_by ?? [],
    fields: fieldsRead(input, filters),
    windowMs,
    resolveAfterMs: input.resolve_after ?? input.auto_resolve_after ?? windowMs,
    resolve: input.resolve,
    ...(input.cooldown !== undefined && { cooldownMs: input.cooldown }),
    source,
  };
  switch (input.type) {
    case 'threshold':
      return { ...common, type: 'threshold', threshold: input.threshold };
    case 'cardinality':
      return { ...common, type: 'cardinality', threshold: input.threshold, distinct: input.distinct };
    case 'sequence':
      return { ...common, type: 'sequence', steps: buildSteps(input.steps, stepPredicates) };
    case 'match':
      return { ...common, type: 'match' };
    case 'absence':
      return { ...common, type: 'absence', expect: input.expect ?? [] };
  }
}

function buildSteps(
  steps: { name?: string | undefined; count: number }[],
  predicates: EventPredicate[],
): SequenceStep[] {
  return steps.map((step, index) => ({
    name: step.name ?? `step${index + 1}`,
    matches: predicates[index] as EventPredicate,
    count: step.count,
  }));
}

function combineWhere(shared: EventPredicate | undefined, own: EventPredicate): EventPredicate {
  return shared ? combineAll([shared, own]) : own;
}

function excludeUnless(predicate: EventPredicate, unless: EventPredicate | undefined): EventPredicate {
  return unless ? (event) => predicate(event) && !unless(event) : predicate;
}

function fieldsRead(input: RuleInput, filters: CompiledFilters): string[] {
  const fields = new Set(filters.fields);
  for (const field of input.group_by ?? []) fields.add(field);
  if (input.type === 'cardinality') fields.add(input.distinct);
  return [...fields].sort();
}
