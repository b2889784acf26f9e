import { describe, expect, it } from 'vitest';
import { packRuleFolder } from '../rules/index.ts';
import type { RulePack } from '../rules/index.ts';
import { BUILTIN_RULES_DIR } from './builtin-rules.ts';
import { loadRules } from './load-rules.ts';

/** The shipped pack's rule pack with every title marked, so a test can tell which was loaded. */
async function markedPack(): Promise<RulePack> {
  const pack = JSON.parse(JSON.stringify(await packRuleFolder(BUILTIN_RULES_DIR, 'b1'))) as RulePack;
  for (const file of pack.files)
    for (const rule of file.rules) rule.input.title = `packed ${rule.input.title}`;
  return pack;
}

const titles = (rules: Array<{ title: string }>): string[] => rules.map((rule) => rule.title);

describe('loadRules with a precompiled rule pack', () => {
  it('uses the pack for the shipped rules while it is current', async () => {
    const yaml = await loadRules(undefined);
    const packed = await loadRules(undefined, undefined, {
      pack: { rules: await markedPack(), build: 'b1' },
    });
    expect(titles(packed)).toEqual(titles(yaml).map((title) => `packed ${title}`));
  });

  it('reads the YAML when the pack is stale, of another build, or rules are named', async () => {
    const yaml = titles(await loadRules(undefined));
    const stale = await markedPack();
    stale.files[0]!.sha256 = '0'.repeat(64);
    expect(titles(await loadRules(undefined, undefined, { pack: { rules: stale, build: 'b1' } }))).toEqual(
      yaml,
    );
    const current = await markedPack();
    expect(titles(await loadRules(undefined, undefined, { pack: { rules: current, build: 'b2' } }))).toEqual(
      yaml,
    );
    const named = await loadRules([BUILTIN_RULES_DIR], undefined, { pack: { rules: current, build: 'b1' } });
    expect(titles(named)).toEqual(yaml);
  });
});
