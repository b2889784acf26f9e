import { loadRulesFromText } from '../../src/rules/index.ts';
import { checkIssues } from './invariants.ts';
import { hostileYaml, unresolvedAlias, UNRESOLVED_ALIAS_WAIVER, YAML_LIMITS_OWNER } from './pending.ts';
import { expectThat } from './runner.ts';
import type { FuzzTarget } from './runner.ts';
import { ruleFiles } from './seeds.ts';
import { mutatedYaml } from './yaml-texts.ts';

const FILE = 'rules/fuzz.yml';

/** Rule YAML text, from the shipped pack (rules/*.yml) and the loader's fixtures. */
export const rulesTarget: FuzzTarget<string> = {
  name: 'rules',
  arbitrary: mutatedYaml(ruleFiles()),
  pending: [
    {
      what: 'YAML alias bombs, YAML nested 10 k to 1 M deep, a 16 MB rule file, YAML the library is slow on',
      owner: YAML_LIMITS_OWNER,
      arbitrary: hostileYaml(true),
    },
    { what: UNRESOLVED_ALIAS_WAIVER.what, owner: YAML_LIMITS_OWNER, arbitrary: unresolvedAlias(true) },
  ],
  waivers: [],
  start: () => ({
    check(text) {
      const loaded = loadRulesFromText(text, FILE);
      checkIssues(loaded.issues, FILE);
      for (const rule of loaded.rules)
        expectThat(typeof rule.id === 'string' && rule.id !== '', 'a loaded rule without an id');
    },
  }),
};
