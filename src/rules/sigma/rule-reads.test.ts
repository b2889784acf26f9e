import { describe, expect, it } from 'vitest';
import type { Rule } from '../model.ts';
import { compileSigmaCollection } from './compile-collection.ts';
import { parseSigmaText } from './parse-sigma-text.ts';

function load(...texts: string[]): Rule[] {
  const { rules, refused } = compileSigmaCollection(
    texts.flatMap((text, i) => parseSigmaText(text, `r${i}.yml`)),
  );
  expect(refused).toEqual([]);
  return rules;
}

const rule = (id: string, logsource: string, detection: string, name = `rule_${id}`) => `
title: Rule ${id}
id: 00000000-0000-4000-8000-00000000000${id}
name: ${name}
logsource: ${logsource}
detection:
${detection}
`;
const PROCESS = '{ category: process_creation, product: windows }';
const SECURITY = '{ product: windows, service: security }';

describe('the fields a Sigma rule reads', () => {
  it('are every place its fields may be read from, and what tells its log source', () => {
    const [only] = load(rule('1', PROCESS, '  sel: { CommandLine|contains: whoami }\n  condition: sel'));
    // Sysmon event 1 or Security event 4688, each told by its channel or its provider.
    expect(only?.reads).toEqual([
      'CommandLine',
      'event.code',
      'event.provider',
      'process.command_line',
      'winlog.channel',
      'winlog.event_data.CommandLine',
      'winlog.event_id',
      'winlog.user_data.CommandLine',
    ]);
    // Its literal gates read nothing else.
    for (const gate of only?.literals ?? [])
      for (const field of gate.fields) expect(only?.reads).toContain(field);
  });

  it('include the other field of a field reference', () => {
    const [only] = load(
      rule('2', SECURITY, '  sel: { TargetUserName|fieldref: SubjectUserName }\n  condition: sel'),
    );
    expect(only?.reads).toEqual(
      expect.arrayContaining(['winlog.event_data.TargetUserName', 'winlog.event_data.SubjectUserName']),
    );
  });

  it('are the whole event (undefined) for a rule that searches keywords, and only then', () => {
    const rules = load(
      rule('3', SECURITY, "  words: ['evil', 'worse']\n  condition: words"),
      rule('4', SECURITY, "  sel: { EventID: 4625 }\n  words: ['evil']\n  condition: sel and not words"),
      rule('5', SECURITY, '  sel: { EventID: 4625 }\n  condition: sel'),
    );
    expect(rules.map((each) => each.reads === undefined)).toEqual([true, true, false]);
  });

  it('grow by what a filter applied to the rule reads, and become the whole event for a keyword filter', () => {
    const filter = (id: string, selection: string) => `
title: Filter ${id}
id: 9a1f0c55-8d33-4b3a-9d0e-2f1c7a1b000${id}
logsource: { product: windows }
filter:
  rules: [rule_6]
  selection: ${selection}
  condition: not selection
`;
    const target = rule('6', PROCESS, '  sel: { Image|endswith: \\whoami.exe }\n  condition: sel');
    const [byField] = load(target, filter('1', '{ ParentImage|endswith: \\explorer.exe }'));
    expect(byField?.reads).toEqual(
      expect.arrayContaining(['winlog.event_data.Image', 'winlog.event_data.ParentImage']),
    );
    const [byKeyword] = load(target, filter('2', "['legit-addin']"));
    expect(byKeyword?.reads).toBeUndefined();
  });

  it('of a correlation are its rules fields and where its group is read in their events', () => {
    const correlation = `
title: Brute force
id: 0e95725d-7320-415d-80f7-004da920fc11
correlation:
  type: value_count
  rules: [rule_7]
  group-by: [IpAddress]
  timespan: 5m
  condition: { gte: 3, field: TargetUserName }
`;
    const rules = load(
      correlation + '---' + rule('7', SECURITY, '  sel: { EventID: 4625 }\n  condition: sel'),
    );
    const found = rules.find((each) => each.type === 'cardinality');
    expect(found?.reads).toEqual(
      expect.arrayContaining([
        'winlog.event_data.IpAddress',
        'source.ip',
        'winlog.event_data.TargetUserName',
        'winlog.event_id',
        'IpAddress',
      ]),
    );
    const words = rule('8', SECURITY, "  words: ['evil']\n  condition: words", 'rule_7');
    const whole = load(correlation + '---' + words).find((each) => each.type === 'cardinality');
    expect(whole?.reads).toBeUndefined();
  });
});
