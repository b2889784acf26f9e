import { describe, expect, it } from 'vitest';
import { compileSigmaCollection } from '../compile-collection.ts';
import { parseSigmaText } from '../parse-sigma-text.ts';
import { processCreation } from '../testdata/sysmon-events.ts';

const RUNDLL = `
title: Rundll32 Execution
id: 6f3e2987-db24-4c78-a860-b4f4095a7095
name: rundll32_exec
status: test
logsource: { category: process_creation, product: windows }
detection:
  selection: { Image|endswith: '\\rundll32.exe' }
  condition: selection
level: medium
`;
const WHOAMI = `
title: Whoami Execution
id: df0841c0-9846-4e9f-ad8a-7df91571771b
logsource: { category: process_creation, product: windows }
detection:
  selection: { Image|endswith: '\\whoami.exe' }
  condition: selection
`;

const filterDoc = (rules: string, logsource = '{ product: windows }') => `
title: Filter the licensed add-in
id: 9a1f0c55-8d33-4b3a-9d0e-2f1c7a1b0001
description: The add-in's loader is expected in this environment.
logsource: ${logsource}
filter:
  rules: ${rules}
  selection: { CommandLine|contains: 'legit-addin.dll' }
  condition: not selection
`;

function load(...texts: string[]) {
  const docs = texts.flatMap((text, i) => parseSigmaText(text, `f${i}.yml`));
  return compileSigmaCollection(docs);
}

const evil = processCreation(0, 'C:\\Windows\\System32\\rundll32.exe', 'rundll32.exe evil.dll,Start');
const legit = processCreation(
  0,
  'C:\\Windows\\System32\\rundll32.exe',
  'rundll32.exe C:\\legit-addin.dll,Go',
);
const whoamiLegit = processCreation(0, 'C:\\Windows\\System32\\whoami.exe', 'whoami legit-addin.dll');

describe('Sigma filters', () => {
  it('a named rule no longer matches what the filter excludes; other events still match', () => {
    const { rules, refused } = load(RUNDLL, WHOAMI, filterDoc('[6f3e2987-db24-4c78-a860-b4f4095a7095]'));
    expect(refused).toEqual([]);
    const rundll = rules.find((rule) => rule.id === '6f3e2987-db24-4c78-a860-b4f4095a7095')!;
    const whoami = rules.find((rule) => rule.id === 'df0841c0-9846-4e9f-ad8a-7df91571771b')!;
    expect(rundll.matches(evil)).toBe(true);
    expect(rundll.matches(legit)).toBe(false);
    // The filter names only the rundll32 rule.
    expect(whoami.matches(whoamiLegit)).toBe(true);
  });

  it('names rules by `name` as well as id', () => {
    const { rules } = load(RUNDLL, filterDoc('[rundll32_exec]'));
    expect(rules[0]?.matches(legit)).toBe(false);
  });

  it('`any` applies to every rule of the filter log source, and only those', () => {
    const { rules } = load(
      RUNDLL,
      WHOAMI,
      filterDoc('any', '{ category: process_creation, product: windows }'),
    );
    expect(rules.map((rule) => rule.matches(legit) || rule.matches(whoamiLegit))).toEqual([false, false]);
    const other = load(RUNDLL, filterDoc('any', '{ product: windows, service: security }'));
    expect(other.rules[0]?.matches(legit)).toBe(true);
  });

  it('is refused, naming the field, when it names no rules', () => {
    const text = filterDoc('[]').replace('  rules: []\n', '');
    const { refused } = load(RUNDLL, text);
    expect(refused.map((r) => r.reason)).toEqual([
      'filter.rules: missing `rules`: the ids or names of the rules to filter, or `any`',
    ]);
  });
});
