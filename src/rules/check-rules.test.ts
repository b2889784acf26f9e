import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/index.ts';
import { checkRules } from './check-rules.ts';

const testdata = (name: string): string => fileURLToPath(new URL(`./testdata/${name}`, import.meta.url));

describe('checkRules', () => {
  it('says how many rules are OK when there is no mistake', async () => {
    const check = await checkRules([testdata('valid')]);
    expect(check).toMatchObject({ ok: true, ruleCount: 5, issues: [], text: '5 rules OK' });
  });

  it('prints each issue as file:line:col: field: message and a summary', async () => {
    const check = await checkRules([testdata('duplicates'), testdata('mistakes')]);
    const lines = check.text.split('\n');
    expect(check.ok).toBe(false);
    expect(lines).toContain(
      `${testdata('mistakes/broken.yml')}:9:1: treshold: unknown field \`treshold\`; did you mean \`threshold\`?`,
    );
    expect(lines).toContain(
      `${testdata('duplicates/b.yml')}:3:5: id: duplicate rule id \`failed-logins\`; first defined at ${testdata('duplicates/a.yml')}:1`,
    );
    expect(lines.at(-1)).toBe('10 issues in 2 files; 2 rules OK');
  });

  it('throws InputError for a path that does not exist', async () => {
    await expect(checkRules([testdata('missing.yml')])).rejects.toBeInstanceOf(InputError);
  });
});
