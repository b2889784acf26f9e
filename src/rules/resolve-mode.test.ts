import { describe, expect, it } from 'vitest';
import { triage } from '../triage/index.ts';
import { loadRulesFromPaths, loadRulesFromText } from './load-rules.ts';
import { THRESHOLD_RULE } from './testdata/threshold-rule.ts';

/** A valid threshold rule. */
const BASE = THRESHOLD_RULE;

function load(extra: string) {
  return loadRulesFromText(`${BASE}\n${extra}`, 'rule.yml');
}

describe('rule resolve mode', () => {
  it('defaults to auto, resolving after the window', () => {
    const [rule] = load('').rules;
    expect(rule).toMatchObject({ resolve: 'auto', resolveAfterMs: 300_000 });
  });

  it('takes auto_resolve_after as the same thing as resolve_after', () => {
    expect(load('auto_resolve_after: 20m').rules[0]?.resolveAfterMs).toBe(1_200_000);
    expect(load('resolve_after: 20m').rules[0]?.resolveAfterMs).toBe(1_200_000);
  });

  it('takes resolve: manual', () => {
    expect(load('resolve: manual\nresolve_after: 15m').rules[0]).toMatchObject({
      resolve: 'manual',
      resolveAfterMs: 900_000,
    });
  });

  it.each([
    ['resolve: sometimes', /8:10 expected one of auto, manual/],
    ['resolve_after: 5m\nauto_resolve_after: 5m', /9:1 .*alias of `resolve_after`; give only one/],
    ['resolve: manual\nauto_resolve_after: 5m', /9:1 .*resolved only by a person/],
  ])('refuses %j', (extra, message) => {
    const issues = load(extra).issues.map((i) => `${i.line}:${i.column} ${i.message}`);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(message);
  });
});

describe('the shipped rule pack', () => {
  it('leaves every high-confidence P1/P2 incident for a person to resolve', async () => {
    const { rules, issues } = await loadRulesFromPaths([new URL('../../rules', import.meta.url).pathname]);
    expect(issues).toEqual([]);
    const strong = rules.filter((r) => r.confidence === 'high' && ['P1', 'P2'].includes(triage(r).priority));
    expect(strong.map((r) => r.id)).toContain('auth-success-after-failures');
    expect(strong.map((r) => r.id)).toContain('windows-rdp-brute-force');
    for (const rule of strong)
      expect({ id: rule.id, resolve: rule.resolve }).toEqual({ id: rule.id, resolve: 'manual' });
    // Everything else still resolves itself once its burst is over.
    const weaker = rules.filter((r) => !strong.includes(r));
    expect(weaker.length).toBeGreaterThan(10);
    for (const rule of weaker) expect(rule.resolve).toBe('auto');
  });
});
