import { isObject } from '../../../core/index.ts';
import { requiredIdentifiers } from '../condition/compile-condition.ts';
import type { ConditionNode } from '../condition/condition-ast.ts';
import type { SourceVariant } from '../mapping/source-variant.ts';

/**
 * Event ids every match must have, when known: the log source's (all its variants name some),
 * narrowed by a plain `EventID` that a search required by every condition holds. Undefined when
 * some match could have any id: the rule then has no prefilter.
 */
export function requiredEventCodes(
  variants: readonly SourceVariant[],
  conditions: readonly ConditionNode[],
  detection: Record<string, unknown>,
): string[] | undefined {
  const fromSource = variants.every((variant) => variant.eventCodes !== undefined)
    ? new Set(variants.flatMap((variant) => variant.eventCodes ?? []))
    : undefined;
  const perCondition = conditions.map((condition) => fromSearches(requiredIdentifiers(condition), detection));
  const fromDetection = perCondition.every((codes) => codes !== undefined)
    ? new Set(perCondition.flatMap((codes) => [...(codes ?? [])]))
    : undefined;
  if (fromSource && fromDetection) return [...fromDetection].filter((code) => fromSource.has(code));
  const codes = fromDetection ?? fromSource;
  return codes ? [...codes] : undefined;
}

/** The `EventID` values of the first required search that is a map with a plain `EventID`. */
function fromSearches(names: readonly string[], detection: Record<string, unknown>): Set<string> | undefined {
  for (const name of names) {
    const search = detection[name];
    if (!isObject(search)) continue;
    const raw = search.EventID;
    const values = Array.isArray(raw) ? raw : [raw];
    if (raw === undefined || values.length === 0) continue;
    if (
      values.every((value) => typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)))
    )
      return new Set(values.map(String));
  }
  return undefined;
}
