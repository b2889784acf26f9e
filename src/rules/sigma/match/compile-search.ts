import { isObject } from '../../../core/index.ts';
import type { EventPredicate } from '../../model.ts';
import { combineAll, combineAny } from '../../where/combine.ts';
import { compileItem } from './compile-item.ts';
import type { ItemContext } from './compile-item.ts';

type Path = readonly (string | number)[];

export interface SearchContext extends Omit<ItemContext, 'fail'> {
  /** Refuses the rule, naming the place (path inside `detection`) and the construct. */
  fail(path: Path, reason: string): never;
}

/**
 * One search identifier's definition: a map is an AND of its items, a list an OR of its
 * elements (maps, or plain values searched as keywords), a plain value a keyword.
 */
export function compileSearch(definition: unknown, path: Path, context: SearchContext): EventPredicate {
  if (isObject(definition)) return compileMap(definition, path, context);
  if (Array.isArray(definition)) {
    if (definition.length === 0) context.fail(path, 'an empty list matches nothing');
    const keywords = definition.filter((item) => !isObject(item));
    const maps = definition
      .map((item, index) => [item, index] as const)
      .filter(([item]) => isObject(item))
      .map(([item, index]) => compileMap(item as Record<string, unknown>, [...path, index], context));
    const alternatives = keywords.length > 0 ? [keywordItem(keywords, path, context), ...maps] : maps;
    return combineAny(alternatives);
  }
  if (definition === null || definition === undefined) context.fail(path, 'the search is empty');
  return keywordItem([definition], path, context);
}

function compileMap(map: Record<string, unknown>, path: Path, context: SearchContext): EventPredicate {
  const keys = Object.keys(map);
  if (keys.length === 0) context.fail(path, 'an empty map matches nothing');
  return combineAll(keys.map((key) => compileItem(key, map[key], itemContext([...path, key], context))));
}

function keywordItem(values: unknown[], path: Path, context: SearchContext): EventPredicate {
  return compileItem('', values, itemContext(path, context));
}

function itemContext(path: Path, context: SearchContext): ItemContext {
  return {
    resolve: context.resolve,
    placeholders: context.placeholders,
    fail: (reason) => context.fail(path, reason),
    readsWholeEvent: context.readsWholeEvent,
  };
}
