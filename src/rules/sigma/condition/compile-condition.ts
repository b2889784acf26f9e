import type { EventPredicate } from '../../model.ts';
import { combineAll, combineAny } from '../../where/combine.ts';
import { ConditionError } from './condition-ast.ts';
import type { ConditionNode } from './condition-ast.ts';

/** Turns a parsed condition into a predicate over the compiled searches (by identifier). */
export function compileCondition(
  node: ConditionNode,
  searches: ReadonlyMap<string, EventPredicate>,
): EventPredicate {
  switch (node.kind) {
    case 'and':
      return combineAll(node.children.map((child) => compileCondition(child, searches)));
    case 'or':
      return combineAny(node.children.map((child) => compileCondition(child, searches)));
    case 'not': {
      const inner = compileCondition(node.child, searches);
      return (event) => !inner(event);
    }
    case 'identifier': {
      const search = searches.get(node.name);
      if (search === undefined)
        throw new ConditionError(`the condition names \`${node.name}\`, which the detection does not define`);
      return search;
    }
    case 'quantified': {
      const chosen = matchingSearches(node.pattern, searches);
      const label = `${node.quantifier === 'all' ? 'all' : '1'} of ${node.pattern}`;
      if (chosen.length === 0) throw new ConditionError(`\`${label}\` matches no search identifier`);
      return node.quantifier === 'all' ? combineAll(chosen) : combineAny(chosen);
    }
  }
}

/** `them`: every search not starting with `_`; otherwise the identifiers matching the `*` pattern. */
function matchingSearches(pattern: string, searches: ReadonlyMap<string, EventPredicate>): EventPredicate[] {
  if (pattern.toLowerCase() === 'them')
    return [...searches].filter(([name]) => !name.startsWith('_')).map(([, search]) => search);
  const regex = new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`);
  return [...searches].filter(([name]) => regex.test(name)).map(([, search]) => search);
}

function escape(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}
