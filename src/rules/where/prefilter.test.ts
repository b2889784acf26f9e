import { describe, expect, it } from 'vitest';
import { derivePrefilter } from './prefilter.ts';

describe('derivePrefilter', () => {
  it('prefers event.code, lowercases values and keeps numbers as their text', () => {
    expect(derivePrefilter({ 'user.name': 'Root', 'event.code': [4625, '4771'] })).toEqual({
      field: 'event.code',
      values: ['4625', '4771'],
    });
  });

  it('falls back to any plain equality', () => {
    expect(derivePrefilter({ 'user.name': 'Root', 'source.ip|cidr': '10.0.0.0/8' })).toEqual({
      field: 'user.name',
      values: ['root'],
    });
  });

  it('ignores modifiers, null, `all` and cased-only differences cannot exclude a match', () => {
    expect(
      derivePrefilter({ 'url.path|contains': '/admin', 'user.name': null, 'tags|all': ['a', 'b'] }),
    ).toBeUndefined();
    expect(derivePrefilter({ 'event.action|cased': 'Login' })).toEqual({
      field: 'event.action',
      values: ['login'],
    });
  });

  it('unites the alternatives of a list when all constrain the same field', () => {
    expect(derivePrefilter([{ 'event.code': 4625 }, { 'event.code': 4771, 'user.name': 'x' }])).toEqual({
      field: 'event.code',
      values: ['4625', '4771'],
    });
    expect(derivePrefilter([{ 'event.code': 4625 }, { 'event.action': 'login' }])).toBeUndefined();
  });
});

describe('prefilters of loaded rules', () => {
  it('come from where, or for a sequence from its steps', async () => {
    const { loadRulesFromText } = await import('../load-rules.ts');
    const { rules, issues } = loadRulesFromText(
      [
        '- { id: a, title: a, type: match, severity: low, where: { event.action: ssh_login, event.outcome: failure } }',
        '- id: b',
        '  title: b',
        '  type: sequence',
        '  severity: low',
        '  window: 5m',
        '  group_by: [user.name]',
        '  steps:',
        '    - where: { event.category: authentication, event.outcome: failure }',
        '    - where: { event.category: [authentication, iam], event.outcome: success }',
      ].join('\n'),
      'rules.yml',
    );
    expect(issues).toEqual([]);
    expect(rules.map((rule) => rule.prefilter)).toEqual([
      { field: 'event.action', values: ['ssh_login'] },
      { field: 'event.category', values: ['authentication', 'iam'] },
    ]);
  });
});
