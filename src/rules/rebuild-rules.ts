import { buildRuleFromRecipe } from './build-rule.ts';
import type { LocatedRule } from './parse-rules-text.ts';
import type { RuleFileRecipes } from './rule-recipe.ts';

/** The recipes of a file's located rules, when every rule has one. */
export function recipesOf(located: readonly LocatedRule[]): RuleFileRecipes | undefined {
  const rules: RuleFileRecipes['rules'] = [];
  for (const { recipe, idAt } of located) {
    if (!recipe) return undefined;
    rules.push({ recipe, ...(idAt && { idAt }) });
  }
  return { rules };
}

/** The rules the recipes make, or undefined when any does not make one (the file is parsed then). */
export function rebuildRules(recipes: RuleFileRecipes, file: string): LocatedRule[] | undefined {
  const located: LocatedRule[] = [];
  for (const { recipe, idAt } of recipes.rules) {
    const rule = buildRuleFromRecipe(recipe, file);
    if (!rule) return undefined;
    located.push({ rule, idAt });
  }
  return located;
}
