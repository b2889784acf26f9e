import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../core/index.ts';
import { MAX_YAML_BYTES, oversizedYamlIssue } from '../config/index.ts';
import type { ValidationIssue } from '../core/index.ts';
import { dropDuplicateIds } from './find-duplicates.ts';
import type { Rule } from './model.ts';
import { parseRulesText } from './parse-rules-text.ts';
import type { LocatedRule } from './parse-rules-text.ts';

export interface LoadedRules {
  /** Valid rules only, in file order; a rule with any issue is left out. */
  rules: Rule[];
  issues: ValidationIssue[];
}

/** Loads the rules in one file's text. `fileName` names the file in issues. */
export function loadRulesFromText(text: string, fileName: string): LoadedRules {
  const parsed = parseRulesText(text, fileName);
  const deduplicated = dropDuplicateIds(parsed.rules);
  return { rules: deduplicated.rules, issues: [...parsed.issues, ...deduplicated.issues] };
}

/**
 * Loads rule files and directories (recursively, `*.yml` and `*.yaml`, skipping dot-files), in
 * sorted order so ids, duplicates and messages come out the same on every run.
 * A path that cannot be read throws InputError; mistakes inside files are returned as issues.
 */
export async function loadRulesFromPaths(paths: readonly string[]): Promise<LoadedRules> {
  const files: string[] = [];
  for (const path of paths) files.push(...(await listRuleFiles(path, true)));
  const located: LocatedRule[] = [];
  const issues: ValidationIssue[] = [];
  for (const file of [...new Set(files)]) {
    const text = await readRuleFile(file);
    const parsed = typeof text === 'string' ? parseRulesText(text, file) : { rules: [], issues: [text] };
    located.push(...parsed.rules);
    issues.push(...parsed.issues);
  }
  const deduplicated = dropDuplicateIds(located);
  return { rules: deduplicated.rules, issues: [...issues, ...deduplicated.issues] };
}

async function listRuleFiles(path: string, explicit: boolean): Promise<string[]> {
  const info = await stat(path).catch((error: unknown) => {
    throw new InputError(`cannot read rules from ${path}: ${describeFsError(error)}`, { cause: error });
  });
  if (info.isFile()) return explicit || /\.ya?ml$/i.test(path) ? [path] : [];
  if (!info.isDirectory()) return [];
  const entries = await readdir(path).catch((error: unknown) => {
    throw new InputError(`cannot list rules directory ${path}: ${describeFsError(error)}`, { cause: error });
  });
  const files: string[] = [];
  for (const entry of entries.filter((name) => !name.startsWith('.')).sort(compareText)) {
    files.push(...(await listRuleFiles(join(path, entry), false)));
  }
  return files;
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

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message;
}
