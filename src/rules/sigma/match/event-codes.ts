import { isObject } from '../../../core/index.ts';
import type { ConditionNode } from '../condition/condition-ast.ts';
import type { SourceVariant } from '../mapping/source-variant.ts';

type Codes = Set<string> | undefined;

/**
 * Event ids every match must have, when known: the log source's (all its variants name some),
 * narrowed by the plain `EventID` values the condition requires. Undefined when some match could
 * have any id: the rule then has no prefilter.
 */
export function requiredEventCodes(
  variants: readonly SourceVariant[],
  conditions: readonly ConditionNode[],
  detection: Record<string, unknown>,
): string[] | undefined {
  const fromSource = variants.every((variant) => variant.eventCodes !== undefined)
    ? new Set(variants.flatMap((variant) => variant.eventCodes ?? []))
    : undefined;
  const fromDetection = union(conditions.map((condition) => codesOf(condition, detection)));
  if (fromSource && fromDetection) return [...fromDetection].filter((code) => fromSource.has(code));
  const codes = fromDetection ?? fromSource;
  return codes ? [...codes] : undefined;
}

/** The ids a condition needs: `and` takes any child's, `or` and `1 of` need every branch's. */
function codesOf(node: ConditionNode, detection: Record<string, unknown>): Codes {
  switch (node.kind) {
    case 'identifier':
      return searchCodes(detection[node.name]);
    case 'and':
      return node.children.map((child) => codesOf(child, detection)).find((codes) => codes !== undefined);
    case 'or':
      return union(node.children.map((child) => codesOf(child, detection)));
    case 'not':
      return undefined;
    case 'quantified': {
      const codes = matchingNames(node.pattern, detection).map((name) => searchCodes(detection[name]));
      if (codes.length === 0) return undefined;
      return node.quantifier === 'one' ? union(codes) : codes.find((set) => set !== undefined);
    }
  }
}

/** A map's plain `EventID` values; for a list of maps, those of every map (or none). */
function searchCodes(search: unknown): Codes {
  if (Array.isArray(search)) return search.length > 0 ? union(search.map(searchCodes)) : undefined;
  if (!isObject(search) || !Object.hasOwn(search, 'EventID')) return undefined;
  const raw = search.EventID;
  const values = Array.isArray(raw) ? raw : [raw];
  const plain = values.every(
    (value) => typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value)),
  );
  return values.length > 0 && plain ? new Set(values.map(String)) : undefined;
}

function union(sets: readonly Codes[]): Codes {
  if (sets.length === 0 || sets.some((set) => set === undefined)) return undefined;
  return new Set(sets.flatMap((set) => [...(set ?? [])]));
}

function matchingNames(pattern: string, detection: Record<string, unknown>): string[] {
  const names = Object.keys(detection).filter((name) => name !== 'condition' && name !== 'timeframe');
  if (pattern.toLowerCase() === 'them') return names.filter((name) => !name.startsWith('_'));
  const regex = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[\\^$.|?+()[\]{}]/g, '\\$&'))
      .join('.*')}$`,
  );
  return names.filter((name) => regex.test(name));
}
