import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_INHIBITION_RULES } from './default-inhibitions.ts';

const RULES_DIR = new URL('../../../rules/', import.meta.url);

/** Rule id -> group_by of the shipped rule pack. */
function readRulePack(): Map<string, string[]> {
  const pack = new Map<string, string[]>();
  for (const file of readdirSync(RULES_DIR).filter((name) => name.endsWith('.yml'))) {
    const parsed: unknown = parse(readFileSync(new URL(file, RULES_DIR), 'utf8'));
    for (const rule of (Array.isArray(parsed) ? parsed : [parsed]) as { id: string; group_by?: string[] }[]) {
      pack.set(rule.id, rule.group_by ?? []);
    }
  }
  return pack;
}

describe('default inhibitions', () => {
  const pack = readRulePack();

  it('mutes the failure rules about an account once it is likely compromised', () => {
    expect(DEFAULT_INHIBITION_RULES).toContainEqual({
      source: 'auth-success-after-failures',
      targets: [
        'ssh-brute-force-user',
        'windows-logon-failure-user',
        'app-login-failures-user',
        'windows-kerberos-preauth-failures',
        'windows-ntlm-failures',
      ],
      equal: ['user.name'],
    });
  });

  it.each(
    DEFAULT_INHIBITION_RULES.flatMap((rule) => [rule.source, ...rule.targets].map((id) => ({ id, rule }))),
  )('names shipped rule $id, which groups by every equal field', ({ id, rule }) => {
    expect(pack.has(id)).toBe(true);
    for (const field of rule.equal) expect(pack.get(id)).toContain(field);
  });
});
