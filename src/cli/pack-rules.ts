// Run by scripts/build-cli.mjs on each fresh build, from the build's folder: compiles the shipped
// rule pack with the build's own code into rule-pack.json beside the bundle (see cliRulePack).
import { writeFileSync } from 'node:fs';
import { BUILTIN_RULES_DIR } from '../app/index.ts';
import { packRuleFolder } from '../rules/index.ts';
import { RULE_PACK_FILE } from './rule-cache.ts';

const build = process.env.KLAXON_BUILD_ID;
if (!build) throw new Error('pack-rules runs inside a build of the CLI (scripts/build-cli.mjs)');
try {
  const pack = await packRuleFolder(BUILTIN_RULES_DIR, build);
  writeFileSync(new URL(RULE_PACK_FILE, import.meta.url), JSON.stringify(pack));
} catch (error) {
  // Not fatal: without a pack the CLI reads the YAML, and reports the mistake to whoever runs it.
  console.error(`klaxon build: no precompiled rule pack: ${(error as Error).message}`);
}
