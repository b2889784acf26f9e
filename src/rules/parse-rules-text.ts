import { LineCounter, isMap, isSeq, parseAllDocuments } from 'yaml';
import type { Document, Node } from 'yaml';
import type { ValidationIssue } from '../core/index.ts';
import { buildRule } from './build-rule.ts';
import type { Rule } from './model.ts';
import type { RuleRecipe } from './rule-recipe.ts';
import {
  checkDuplicateKeys,
  checkYamlAliases,
  checkYamlSize,
  convertYamlError,
  locate,
  positionOf,
} from '../config/index.ts';
import type { Position, YamlSource } from '../config/index.ts';

/** A valid rule and where its `id` was written, for duplicate-id messages. */
export interface LocatedRule {
  rule: Rule;
  idAt: Position | undefined;
  /** What rebuilds the rule without its YAML (absent for Sigma rules). */
  recipe?: RuleRecipe;
}

export interface ParsedRules {
  rules: LocatedRule[];
  issues: ValidationIssue[];
}

/**
 * Parses one file's text: one rule, a list of rules, or several YAML documents of either.
 * Documents with YAML syntax errors are reported and skipped (their content is unreliable).
 */
export function parseRulesText(text: string, file: string): ParsedRules {
  const tooLarge = checkYamlSize(text, file);
  if (tooLarge) return { rules: [], issues: [tooLarge] };
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    logLevel: 'error',
  });
  const result: ParsedRules = { rules: [], issues: [] };
  let empty = true;
  for (const doc of documents) {
    const source: YamlSource = { file, doc, lineCounter };
    const yamlIssues = [...doc.errors, ...doc.warnings].map((error) => convertYamlError(error, source));
    const aliases = doc.errors.length === 0 ? checkYamlAliases(source) : undefined;
    if (aliases) yamlIssues.push(aliases);
    const duplicates = doc.errors.length === 0 ? checkDuplicateKeys(source) : [];
    yamlIssues.push(...duplicates);
    result.issues.push(...yamlIssues);
    if (doc.errors.length > 0 || aliases || duplicates.length > 0 || doc.contents === null) continue;
    empty = false;
    parseDocumentRules(source, doc, result);
  }
  if (empty && result.issues.length === 0) {
    result.issues.push({ file, line: 1, column: 1, message: 'no rules in this file' });
  }
  return result;
}

function parseDocumentRules(source: YamlSource, doc: Document, result: ParsedRules): void {
  const contents = doc.contents as Node;
  const items: unknown[] = isSeq(contents) ? contents.items : [contents];
  for (const item of items) {
    if (!isMap(item)) {
      const position = positionOf(source, (item ?? contents) as Node);
      const message = 'expected a rule (a map of fields like `id:`, `type:`) or a list of rules';
      result.issues.push({
        file: source.file,
        ...(position && { line: position.line, column: position.column }),
        message,
      });
      continue;
    }
    const built = buildRule(source, item);
    result.issues.push(...built.issues);
    if (built.rule) {
      const idAt = locate(source, item, ['id']);
      result.rules.push({ rule: built.rule, idAt, ...(built.recipe && { recipe: built.recipe }) });
    }
  }
}
