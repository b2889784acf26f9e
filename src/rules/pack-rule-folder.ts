import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { validatedInput } from './build-rule.ts';
import { listRuleFiles } from './list-rule-files.ts';
import { parseRulesText } from './parse-rules-text.ts';
import { textDigest } from './rule-pack.ts';
import type { PackedRule, PackedRuleFile, RulePack } from './rule-pack.ts';
import { readSigmaFile } from './sigma/index.ts';
import { unpackRules } from './unpack-rules.ts';

/**
 * Compiles the Klaxon rule files of `dir` into a rule pack for the code `build`. Throws when any
 * file has a mistake, is Sigma, or when the pack would not come back from JSON as the same rules:
 * a build must not ship a pack that differs from its YAML.
 */
export async function packRuleFolder(dir: string, build: string): Promise<RulePack> {
  const files: PackedRuleFile[] = [];
  for (const file of await listRuleFiles(dir)) {
    const text = await readFile(file, 'utf8');
    if (readSigmaFile(text, file)) throw new Error(`${file}: Sigma files are not packed`);
    const parsed = parseRulesText(text, file);
    const issue = parsed.issues[0];
    if (issue) throw new Error(`${file}:${issue.line ?? 1}: ${issue.message}`);
    const rules = parsed.rules.map(({ recipe, idAt }): PackedRule => {
      const input = recipe && validatedInput(recipe);
      if (!recipe || !input) throw new Error(`${file}: a rule has no recipe to pack`);
      return { input, specs: recipe.specs, line: recipe.line, ...(idAt && { idAt }) };
    });
    files.push({ name: relative(dir, file), sha256: textDigest(text), rules });
  }
  const pack: RulePack = { build, files };
  const reread: unknown = JSON.parse(JSON.stringify(pack));
  if (!isDeepStrictEqual(reread, pack)) throw new Error(`the rules of ${dir} do not survive JSON`);
  if (!(await unpackRules(reread, dir, build))) throw new Error(`the rule pack of ${dir} does not unpack`);
  return pack;
}
