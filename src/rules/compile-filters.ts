import { formatFieldPath } from '../config/index.ts';
import type { NodePath } from '../config/index.ts';
import type { CompiledFilters } from './assemble-rule.ts';
import type { EventPredicate, RuleType } from './model.ts';
import { whereFields } from './rule-fields.ts';
import { compileWhere } from './where/compile-where.ts';
import { derivePrefilter } from './where/prefilter.ts';

export type CompileAt = (path: NodePath) => { predicate: EventPredicate; spec: unknown } | undefined;

/** The predicates of `where`, `unless` and a sequence's steps, with what the engine derives from them. */
export function compileFilters(
  type: RuleType | undefined,
  input: Record<string, unknown>,
  compileAt: CompileAt,
) {
  let whereSpec: unknown;
  const stepSpecs: unknown[] = [];
  const specs: unknown[] = [];
  const compile = (path: NodePath): EventPredicate | undefined => {
    const compiled = compileAt(path);
    if (compiled) specs.push(compiled.spec);
    if (compiled && path.length === 1 && path[0] === 'where') whereSpec = compiled.spec;
    if (compiled && path[0] === 'steps') stepSpecs.push(compiled.spec);
    return compiled?.predicate;
  };
  const filters: CompiledFilters = {
    where: compile(['where']),
    unless: compile(['unless']),
    steps:
      type === 'sequence' && Array.isArray(input.steps)
        ? input.steps.map((_, i) => compile(['steps', i, 'where']) ?? never)
        : [],
  };
  // A sequence event counts when it fits some step: the steps' conditions, as alternatives.
  filters.prefilter =
    derivePrefilter(whereSpec) ?? (stepSpecs.length > 0 ? derivePrefilter(stepSpecs) : undefined);
  filters.reads = specs.flatMap(whereFields);
  return filters;
}

/**
 * Compiles each filter from its plain spec (a recipe's or a rule pack's), by its field: `where`,
 * `unless`, `steps[1].where`. `valid()` is false once any spec no longer compiles cleanly.
 * `checked`: a rule pack's specs, compiled cleanly by this code at build time (WhereLocation.checked).
 */
export function specCompiler(specs: Record<string, unknown>, file: string, line: number, checked = false) {
  let valid = true;
  const compileAt: CompileAt = (path) => {
    const field = formatFieldPath(path);
    if (!Object.hasOwn(specs, field)) return undefined;
    const spec = specs[field];
    const compiled = compileWhere(spec, { file, field, line, checked });
    if (compiled.issues.length > 0) valid = false;
    return { predicate: compiled.predicate, spec };
  };
  return { compileAt, valid: () => valid };
}

function never(): boolean {
  return false;
}
