import { describe, expect, it } from 'vitest';
import { createDetectionEngine } from '../../../detection/index.ts';
import type { Rule } from '../../model.ts';
import { compileSigmaCollection } from '../compile-collection.ts';
import { parseSigmaText } from '../parse-sigma-text.ts';
import { processCreation } from '../testdata/sysmon-events.ts';
import { deriveLiteralGates } from './derive-literal-gates.ts';

const rule = (detection: string, logsource = '{ category: process_creation, product: windows }') =>
  parseSigmaText(`title: t\nlogsource: ${logsource}\ndetection:\n${detection}\n`, 'r.yml')[0]!;

const IMAGE_FIELDS = [
  'winlog.event_data.Image',
  'winlog.user_data.Image',
  'process.executable',
  'Image',
  'winlog.event_data.NewProcessName',
  'winlog.user_data.NewProcessName',
  'NewProcessName',
];

describe('deriveLiteralGates', () => {
  it('takes the strongest item of a selection, lowercased, read from every field the Sigma field maps to', () => {
    const gates = deriveLiteralGates(
      rule(
        `  selection:\n    Image|endswith: '\\Rundll32.exe'\n    CommandLine|contains: 'js'\n  condition: selection`,
      ),
    );
    expect(gates).toHaveLength(1);
    expect(gates?.[0]?.values).toEqual(['\\rundll32.exe']);
    expect([...(gates?.[0]?.fields ?? [])].sort()).toEqual(expect.arrayContaining([...IMAGE_FIELDS].sort()));
  });

  it('ORs values and alternatives, splits at wildcards, and ignores `not` searches', () => {
    const gates = deriveLiteralGates(
      rule(`  sel_img: { Image|endswith: ['\\psexec.exe', '\\paexec.exe'] }
  sel_cli:
    - CommandLine|contains: 'accepteula'
    - CommandLine: '*-s cmd*.exe*'
  filter: { User|contains: 'SYSTEM' }
  condition: 1 of sel_* and not filter`),
    );
    const values = Object.fromEntries((gates ?? []).map((gate) => [gate.fields[0], gate.values.sort()]));
    expect(values).toEqual({
      'winlog.event_data.Image': ['\\paexec.exe', '\\psexec.exe'],
      'winlog.event_data.CommandLine': ['-s cmd', 'accepteula'],
    });
  });

  it('gives none when some alternative needs no literal (regex, a negation, a short literal, keywords)', () => {
    expect(deriveLiteralGates(rule(`  a: { CommandLine|re: 'x+y' }\n  condition: a`))).toBeUndefined();
    expect(
      deriveLiteralGates(
        rule(`  a: { Image|endswith: '\\x.exe' }\n  b: { User: x }\n  condition: a or not b`),
      ),
    ).toBeUndefined();
    expect(deriveLiteralGates(rule(`  a: { Image|endswith: '\\x' }\n  condition: a`))).toBeUndefined();
    expect(deriveLiteralGates(rule(`  keywords: [mimikatz]\n  condition: keywords`))).toBeUndefined();
  });

  it('`all` needs every value, so its longest alone is enough', () => {
    const gates = deriveLiteralGates(
      rule(`  a: { CommandLine|contains|all: [' -w ', 'hidden', 'downloadstring'] }\n  condition: a`),
    );
    expect(gates?.map((gate) => gate.values)).toEqual([['downloadstring']]);
  });
});

describe('thousands of Sigma rules in the engine', () => {
  const N = 2000;
  const text = Array.from(
    { length: N },
    (_, i) => `title: Tool ${i}
id: 00000000-0000-4000-8000-${String(i).padStart(12, '0')}
logsource: { category: process_creation, product: windows }
detection:
  selection_img: { Image|endswith: '\\tool${i}.exe' }
  selection_cli: { CommandLine|contains: ' --mode-${i}-' }
  condition: 1 of selection_*
`,
  ).join('---\n');

  it('evaluates only the rules whose literals the event holds: predicate calls are counted', () => {
    const { rules, refused } = compileSigmaCollection(parseSigmaText(text, 'many.yml'));
    expect(refused).toEqual([]);
    expect(rules).toHaveLength(N);
    let calls = 0;
    const counted: Rule[] = rules.map((r) => ({ ...r, matches: (event) => (calls++, r.matches(event)) }));
    const opened: string[] = [];
    const engine = createDetectionEngine({
      rules: counted,
      emit: (d) => d.state === 'opened' && opened.push(d.ruleId),
    });
    const events = [
      processCreation(0, 'C:\\Tools\\TOOL17.exe', 'tool17.exe --mode-230- x'),
      processCreation(1000, 'C:\\Windows\\notepad.exe', 'notepad.exe readme.txt'),
      processCreation(2000, 'C:\\Tools\\tool1999.exe', 'tool1999.exe'),
    ];
    for (const event of events) engine.push(event);
    engine.flush();
    // Worked out by hand: rule 17 (image) and 230 (command line), none for notepad, 1999 (image;
    // `\\tool199.exe` does not occur in `\\tool1999.exe`): 3 predicate calls, 3 matches.
    expect(calls).toBe(3);
    expect(opened.map((id) => Number(id.slice(-12))).sort((a, b) => a - b)).toEqual([17, 230, 1999]);
  });
});
