import { isObject } from '../core/index.ts';
import type { Position } from '../config/index.ts';

/**
 * What rebuilds a valid rule without parsing its YAML again: plain values only, so that a rule
 * file's recipes can be kept as JSON (rule-file-cache.ts) and the next replay skips the YAML.
 */
export interface RuleRecipe {
  /** The rule as plain values, as the YAML gave them. */
  input: Record<string, unknown>;
  /** Each filter's plain spec, by its field: `where`, `unless`, `steps[1].where`. */
  specs: Record<string, unknown>;
  /** The line the rule starts on. */
  line: number;
}

/** A rule file without a single issue, as its rules' recipes and where each `id` was written. */
export interface RuleFileRecipes {
  rules: Array<{ recipe: RuleRecipe; idAt?: Position }>;
}

/** Recipes of rule files by their text; a miss or a failed write costs only a YAML parse. */
export interface RuleFileCache {
  read(text: string): RuleFileRecipes | undefined;
  write(text: string, recipes: RuleFileRecipes): void;
}

/** `value` when it has the shape of RuleFileRecipes (it comes back from a file anyone may edit). */
export function asRuleFileRecipes(value: unknown): RuleFileRecipes | undefined {
  if (!isObject(value) || !Array.isArray(value.rules) || value.rules.length === 0) return undefined;
  return value.rules.every(isRecipeEntry) ? (value as unknown as RuleFileRecipes) : undefined;
}

function isRecipeEntry(entry: unknown): boolean {
  if (!isObject(entry) || !isObject(entry.recipe)) return false;
  const { input, specs, line } = entry.recipe;
  return (
    isObject(input) &&
    isObject(specs) &&
    isLineNumber(line) &&
    (entry.idAt === undefined ||
      (isObject(entry.idAt) && isLineNumber(entry.idAt.line) && isLineNumber(entry.idAt.column)))
  );
}

function isLineNumber(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}
