import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../core/index.ts';
import { MAX_YAML_BYTES, oversizedYamlIssue } from '../config/index.ts';
import type { ValidationIssue } from '../core/index.ts';
import { dropDuplicateIds } from './find-duplicates.ts';
import { describeFsError, listRuleFiles } from './list-rule-files.ts';
import type { Rule } from './model.ts';
import { parseRulesText } from './parse-rules-text.ts';
import type { LocatedRule, ParsedRules } from './parse-rules-text.ts';
import { rebuildRules, recipesOf } from './rebuild-rules.ts';
import type { RuleFileCache } from './rule-recipe.ts';
import { loadSigmaDocuments, readSigmaFile } from './sigma/index.ts';
import type { SigmaDocument, SigmaLoadReport, SigmaOptions } from './sigma/index.ts';

export interface LoadedRules {
  /** Valid rules only, in file order; a rule with any issue is left out. */
  rules: Rule[];
  issues: ValidationIssue[];
  /** Present when Sigma files were among the rules: how many loaded, and why the others did not. */
  sigma?: SigmaLoadReport;
}

export interface LoadRulesOptions {
  sigma?: SigmaOptions;
  /** Recipes of rule files read before: a file with the same text skips its YAML (files only). */
  cache?: RuleFileCache | undefined;
}

/** Loads the rules in one file's text (Klaxon or Sigma). `fileName` names the file in issues. */
export function loadRulesFromText(
  text: string,
  fileName: string,
  options: LoadRulesOptions = {},
): LoadedRules {
  const collected = new CollectedRules();
  collected.add(text, fileName);
  return collected.finish(options);
}

/**
 * Loads rule files and directories (recursively, `*.yml` and `*.yaml`, skipping dot-files), in
 * sorted order so ids, duplicates and messages come out the same on every run.
 * A path that cannot be read throws InputError; mistakes inside files are returned as issues.
 */
export async function loadRulesFromPaths(
  paths: readonly string[],
  options: LoadRulesOptions = {},
): Promise<LoadedRules> {
  const files: string[] = [];
  for (const path of paths) files.push(...(await listRuleFiles(path, true)));
  const collected = new CollectedRules(options.cache);
  for (const file of [...new Set(files)]) {
    const text = await readRuleFile(file);
    if (typeof text === 'string') collected.add(text, file);
    else collected.issues.push(text);
  }
  return collected.finish(options);
}

/** Klaxon rules and Sigma documents gathered file by file; Sigma ones compile together at the end. */
class CollectedRules {
  readonly located: LocatedRule[] = [];
  readonly issues: ValidationIssue[] = [];
  private readonly sigma: SigmaDocument[] = [];

  constructor(private readonly cache?: RuleFileCache) {}

  add(text: string, file: string): void {
    const sigma = readSigmaFile(text, file);
    if (sigma) {
      this.sigma.push(...sigma);
      return;
    }
    const cached = this.cache?.read(text);
    const rebuilt = cached && rebuildRules(cached, file);
    if (rebuilt) {
      this.located.push(...rebuilt);
      return;
    }
    const parsed: ParsedRules = parseRulesText(text, file);
    this.located.push(...parsed.rules);
    this.issues.push(...parsed.issues);
    const recipes = parsed.issues.length === 0 ? recipesOf(parsed.rules) : undefined;
    if (this.cache && recipes) this.cache.write(text, recipes);
  }

  finish(options: LoadRulesOptions): LoadedRules {
    const sigma = this.sigma.length > 0 ? loadSigmaDocuments(this.sigma, options.sigma) : undefined;
    const sigmaRules = (sigma?.rules ?? []).map((rule) => ({ rule, idAt: undefined }));
    const deduplicated = dropDuplicateIds([...this.located, ...sigmaRules]);
    return {
      rules: deduplicated.rules,
      issues: [...this.issues, ...deduplicated.issues],
      ...(sigma && { sigma: sigma.report }),
    };
  }
}

/** The file's text, or an issue when it is too large to parse (checked before reading it). */
async function readRuleFile(file: string): Promise<string | ValidationIssue> {
  try {
    const { size } = await stat(file);
    if (size > MAX_YAML_BYTES) return oversizedYamlIssue(file, size);
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read rule file ${file}: ${describeFsError(error)}`, { cause: error });
  }
}
