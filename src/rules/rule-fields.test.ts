import { describe, expect, it } from 'vitest';
import { loadRulesFromText } from './load-rules.ts';
import { fieldsReadByRules } from './rule-fields.ts';

const RULES = `
- id: spray
  title: Spray
  type: cardinality
  where: [{ event.code: 4625, source.ip|exists: true }, { event.code: 4771 }]
  unless: { user.name|startswith: svc_ }
  group_by: [source.ip]
  distinct: user.name
  threshold: 5
  window: 10m
  severity: high
  confidence: medium
- id: after
  title: Success after failures
  type: sequence
  group_by: [host.name]
  steps:
    - where: { event.outcome: failure }
    - where: { event.outcome|cased: success, url.path|re: '^/login' }
  window: 10m
  severity: high
  confidence: medium
- id: off
  title: Disabled
  type: match
  enabled: false
  where: { never.read: x }
  severity: low
  confidence: low
`;

describe('fieldsReadByRules', () => {
  it('lists every field the enabled rules filter, group and count by', () => {
    const { rules, issues } = loadRulesFromText(RULES, 'rules.yml');
    expect(issues).toEqual([]);
    expect(fieldsReadByRules(rules)).toEqual([
      'event.code',
      'event.outcome',
      'host.name',
      'source.ip',
      'url.path',
      'user.name',
    ]);
  });

  it('says nothing when a rule does not tell what it reads', () => {
    const { rules } = loadRulesFromText(RULES, 'rules.yml');
    const { reads: _unknown, ...handMade } = rules[0] as (typeof rules)[number];
    expect(fieldsReadByRules([handMade, ...rules.slice(1)])).toBeUndefined();
  });
});
