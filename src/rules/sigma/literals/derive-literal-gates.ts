import { isObject } from '../../../core/index.ts';
import type { LiteralGate } from '../../model.ts';
import type { ConditionNode } from '../condition/condition-ast.ts';
import { parseCondition } from '../condition/parse-condition.ts';
import { findLogsource } from '../mapping/find-logsource.ts';
import { fieldCandidates } from '../mapping/resolve-field.ts';
import { readLogsource } from '../metadata.ts';
import type { SigmaDocument } from '../types.ts';
import { searchNeed, strength, strongest, union } from './search-literals.ts';
import type { Need } from './search-literals.ts';

/** Literals shorter than this let too many events through to be worth a scan. */
const MIN_LITERAL = 3;

/**
 * A necessary condition of a Sigma rule on text, for the engine's rule index: one of a few
 * literals occurs in one of the fields that a Sigma field may be read from (every candidate of
 * every event kind of the log source). Undefined when the rule can match without any literal.
 */
export function deriveLiteralGates(doc: SigmaDocument): LiteralGate[] | undefined {
  const detection = doc.body.detection;
  if (!isObject(detection)) return undefined;
  const variants = findLogsource(readLogsource(doc.body.logsource));
  if (variants === undefined) return undefined;
  const texts = Array.isArray(detection.condition) ? detection.condition : [detection.condition];
  let need: Need;
  try {
    need = union(
      texts.map((text) => (typeof text === 'string' ? conditionNeed(parseCondition(text), detection) : null)),
    );
  } catch {
    return undefined;
  }
  if (need === null || strength(need) < MIN_LITERAL) return undefined;
  const byField = new Map<string, Set<string>>();
  for (const { field, literal } of need) byField.set(field, (byField.get(field) ?? new Set()).add(literal));
  return [...byField].map(([field, literals]) => ({
    fields: [...new Set(variants.flatMap((variant) => fieldCandidates(field, variant)))],
    values: [...literals],
  }));
}

function conditionNeed(node: ConditionNode, searches: Record<string, unknown>): Need {
  switch (node.kind) {
    case 'identifier':
      return node.name in searches ? searchNeed(searches[node.name]) : null;
    case 'and':
      return strongest(node.children.map((child) => conditionNeed(child, searches)));
    case 'or':
      return union(node.children.map((child) => conditionNeed(child, searches)));
    case 'not':
      return null;
    case 'quantified': {
      const needs = matching(node.pattern, searches).map((name) => searchNeed(searches[name]));
      return node.quantifier === 'all' ? strongest(needs) : union(needs);
    }
  }
}

/** Search names a `1 of` / `all of` pattern covers: `them` is every search not starting with `_`. */
function matching(pattern: string, searches: Record<string, unknown>): string[] {
  const names = Object.keys(searches).filter((name) => name !== 'condition' && name !== 'timeframe');
  if (pattern === 'them') return names.filter((name) => !name.startsWith('_'));
  const regex = new RegExp(`^${pattern.replace(/[\\^$.|?+()[\]{}]/g, '\\$&').replaceAll('*', '.*')}$`);
  return names.filter((name) => regex.test(name));
}
