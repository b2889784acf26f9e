import type { YAMLMap } from 'yaml';
import type * as z from 'zod';
import type { ValidationIssue } from '../core/index.ts';
import { assembleRule } from './assemble-rule.ts';
import { checkRuleKeys } from './check-keys.ts';
import { checkRuleRelations } from './check-relations.ts';
import { compileRuleWhere } from './compile-rule-where.ts';
import type { RuleRecipe } from './rule-recipe.ts';
import { compileFilters, specCompiler } from './compile-filters.ts';
import { RULE_TYPES } from './model.ts';
import type { Rule, RuleType } from './model.ts';
import { formatFieldPath, placeIssue, positionOf, convertZodIssues, yamlToJs } from '../config/index.ts';
import type { PathIssue, YamlSource } from '../config/index.ts';
import { COMMON_SCHEMA, RULE_SCHEMAS } from './schema.ts';
import type { RuleInput } from './schema.ts';

export interface BuiltRule {
  /** Present only when the rule has no issues. */
  rule?: Rule;
  /** With `rule`: what rebuilds it without its YAML (see rule-recipe.ts). */
  recipe?: RuleRecipe;
  issues: ValidationIssue[];
}

/** Validates and compiles one rule (a YAML map), collecting every mistake it holds. */
export function buildRule(source: YamlSource, node: YAMLMap): BuiltRule {
  const plain = yamlToJs(source, node);
  if (!plain.ok) return { issues: [plain.issue] };
  const input = plain.value as Record<string, unknown>;
  const type = RULE_TYPES.find((candidate) => candidate === input.type);
  const pathIssues: PathIssue[] = checkRuleKeys(node, type);
  const parsed = parseRuleInput(type, input);
  pathIssues.push(...convertZodIssues(parsed.issues));
  if (type) pathIssues.push(...checkRuleRelations(input, type));

  const issues: ValidationIssue[] = [];
  const specs: Record<string, unknown> = {};
  const filters = compileFilters(type, input, (path) => {
    const compiled = compileRuleWhere(source, node, path);
    if (!compiled) return undefined;
    issues.push(...compiled.issues);
    specs[formatFieldPath(path)] = compiled.spec;
    return compiled;
  });
  issues.unshift(...pathIssues.map((issue) => placeIssue(source, node, issue)));
  if (issues.length > 0 || !parsed.data) return { issues: sortIssues(issues) };
  const line = positionOf(source, node)?.line ?? 1;
  return {
    rule: assembleRule(parsed.data, filters, { file: source.file, line }),
    recipe: { input, specs, line },
    issues,
  };
}

/**
 * The rule a recipe describes, built as buildRule built it but from plain values, with no YAML;
 * undefined when the recipe no longer makes a valid rule (then the file is parsed again).
 */
export function buildRuleFromRecipe(recipe: RuleRecipe, file: string): Rule | undefined {
  const input = recipe.input;
  const type = RULE_TYPES.find((candidate) => candidate === input.type);
  const parsed = parseRuleInput(type, input);
  if (!parsed.data || !type || checkRuleRelations(input, type).length > 0) return undefined;
  const specs = specCompiler(recipe.specs, file, recipe.line);
  const filters = compileFilters(type, input, specs.compileAt);
  return specs.valid() ? assembleRule(parsed.data, filters, { file, line: recipe.line }) : undefined;
}

/** The validated input of a recipe's rule, defaults applied (what a rule pack keeps), or undefined. */
export function validatedInput(recipe: RuleRecipe): RuleInput | undefined {
  const type = RULE_TYPES.find((candidate) => candidate === recipe.input.type);
  return parseRuleInput(type, recipe.input).data;
}

/** Without a valid `type` only the common fields are checked (and `type` itself fails). */
function parseRuleInput(
  type: RuleType | undefined,
  input: unknown,
): { data?: RuleInput; issues: z.core.$ZodIssue[] } {
  // jitless: each schema parses a few rules once, and zod's compiled fast path costs more to build.
  const schema = type ? RULE_SCHEMAS[type] : COMMON_SCHEMA;
  const result = schema.safeParse(input, { reportInput: true, jitless: true });
  return result.success && type
    ? { data: result.data as RuleInput, issues: [] }
    : { issues: result.error?.issues ?? [] };
}

function sortIssues(issues: ValidationIssue[]): ValidationIssue[] {
  return issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
