import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { assembleRule } from './assemble-rule.ts';
import { compileFilters, specCompiler } from './compile-filters.ts';
import { dropDuplicateIds } from './find-duplicates.ts';
import { listRuleFiles } from './list-rule-files.ts';
import type { Rule } from './model.ts';
import type { LocatedRule } from './parse-rules-text.ts';
import { asRulePack, textDigest } from './rule-pack.ts';
import type { PackedRule } from './rule-pack.ts';

/**
 * The rules of the folder `dir` from a rule pack the code `build` made, or undefined when the pack
 * is not for this code or the folder no longer holds exactly the files it was made from (a file
 * added, removed or edited): then the caller loads the YAML, which reports any mistake as usual.
 */
export async function unpackRules(pack: unknown, dir: string, build: string): Promise<Rule[] | undefined> {
  const valid = asRulePack(pack);
  if (!valid || valid.build !== build) return undefined;
  const files = await listRuleFiles(dir).catch(() => undefined);
  if (!files || files.length !== valid.files.length) return undefined;
  const located: LocatedRule[] = [];
  for (const [index, file] of files.entries()) {
    const packed = valid.files[index]!;
    if (relative(dir, file) !== packed.name) return undefined;
    // Read at once: a few small files, and a replay has nothing else to do while they are read.
    const text = readText(file);
    if (text === undefined || textDigest(text) !== packed.sha256) return undefined;
    for (const entry of packed.rules) {
      const rule = unpackRule(entry, file);
      if (!rule) return undefined;
      located.push({ rule, idAt: entry.idAt });
    }
  }
  const { rules, issues } = dropDuplicateIds(located);
  return issues.length === 0 ? rules : undefined;
}

function unpackRule(packed: PackedRule, file: string): Rule | undefined {
  const specs = specCompiler(packed.specs, file, packed.line, true);
  const filters = compileFilters(packed.input.type, packed.input as Record<string, unknown>, specs.compileAt);
  return specs.valid() ? assembleRule(packed.input, filters, { file, line: packed.line }) : undefined;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
