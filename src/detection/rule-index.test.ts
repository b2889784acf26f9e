import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.ts';
import type { LiteralGate, Prefilter } from '../rules/index.ts';
import { AhoCorasick } from './aho-corasick.ts';
import { RuleIndex } from './rule-index.ts';

interface Item {
  name: string;
  prefilter?: Prefilter;
  literals?: LiteralGate[];
}

const processEvent = (
  code: string,
  commandLine: string,
  image = 'C:\\Windows\\System32\\cmd.exe',
): SecurityEvent =>
  ({
    '@timestamp': '2025-01-01T00:00:00.000Z',
    event: { code },
    process: { command_line: commandLine, executable: image },
  }) as SecurityEvent;

const candidates = (index: RuleIndex<Item>, event: SecurityEvent): string[] => {
  const seen: string[] = [];
  index.forEachCandidate(event, (item) => seen.push(item.name));
  return seen.sort();
};

describe('AhoCorasick', () => {
  it('reports every literal occurring in the text, overlapping ones included', () => {
    const found: number[] = [];
    new AhoCorasick(['he', 'she', 'his', 'hers', 'x']).forEachMatch('ushers', (i) => found.push(i));
    expect(found.sort()).toEqual([0, 1, 3]);
  });

  it('follows fail links into shorter literals', () => {
    const found: number[] = [];
    new AhoCorasick(['abcd', 'bc', 'c']).forEachMatch('xabcx', (i) => found.push(i));
    expect(found.sort()).toEqual([1, 2]);
  });
});

describe('RuleIndex with literal gates', () => {
  const fields = ['process.command_line', 'process.executable'];
  const gated = (name: string, values: string[], code = '1'): Item => ({
    name,
    prefilter: { field: 'event.code', values: [code] },
    literals: [{ fields, values }],
  });

  it('offers only the rules whose event code fits and one of whose literals occurs', () => {
    const index = new RuleIndex<Item>([
      gated('mimikatz', ['sekurlsa::', 'mimikatz']),
      gated('encoded', [' -enc ', ' -encodedcommand ']),
      gated('cmd', ['\\cmd.exe']),
      gated('logon', ['administrator'], '4624'),
      { name: 'ungated' },
    ]);
    expect(candidates(index, processEvent('1', 'powershell.exe -Enc AAAA'))).toEqual([
      'cmd',
      'encoded',
      'ungated',
    ]);
    expect(
      candidates(index, processEvent('1', 'mimikatz.exe "SEKURLSA::logonpasswords"', 'C:\\m.exe')),
    ).toEqual(['mimikatz', 'ungated']);
    expect(candidates(index, processEvent('4624', 'administrator'))).toEqual(['logon', 'ungated']);
  });

  it('opens a rule when any one of its gates (on different fields) holds a literal', () => {
    const index = new RuleIndex<Item>([
      {
        name: 'either',
        literals: [
          { fields: ['process.executable'], values: ['\\rundll32.exe'] },
          { fields: ['process.command_line'], values: ['javascript:'] },
        ],
      },
    ]);
    expect(candidates(index, processEvent('1', 'x javascript:alert'))).toEqual(['either']);
    expect(candidates(index, processEvent('1', 'x', 'C:\\Windows\\rundll32.exe'))).toEqual(['either']);
    expect(candidates(index, processEvent('1', 'rundll32.exe'))).toEqual([]);
  });

  it('with a thousand gated rules, an event reaches only the few whose literals it holds', () => {
    const items = Array.from({ length: 1000 }, (_, i) =>
      gated(`rule-${i}`, [`tool${i}.exe`, `--flag-${i}-`]),
    );
    const index = new RuleIndex(items);
    expect(candidates(index, processEvent('1', 'c:\\tools\\TOOL17.exe --flag-230- x'))).toEqual([
      'rule-17',
      'rule-230',
    ]);
    expect(candidates(index, processEvent('1', 'notepad.exe'))).toEqual([]);
    // The same texts again are answered from the remembered results, with the same rules.
    expect(candidates(index, processEvent('1', 'c:\\tools\\TOOL17.exe --flag-230- x'))).toEqual([
      'rule-17',
      'rule-230',
    ]);
    expect(candidates(index, processEvent('4688', 'c:\\tools\\TOOL17.exe --flag-230- x'))).toEqual([]);
  });
});
