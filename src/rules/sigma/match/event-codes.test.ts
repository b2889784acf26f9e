import { describe, expect, it } from 'vitest';
import { compileSigmaRule } from '../compile-rule.ts';
import { parseSigmaText } from '../parse-sigma-text.ts';
import { sigmaText } from '../testdata/sigma-fixture.ts';
import type { SigmaRuleDocument } from '../types.ts';

function codesOf(detection: string, logsource?: string) {
  const [doc] = parseSigmaText(sigmaText(detection, logsource), 'codes.yml');
  const compiled = compileSigmaRule(doc as SigmaRuleDocument, { file: 'codes.yml', line: 1 });
  return { codes: compiled.detection.eventCodes?.sort(), prefilter: compiled.rule.prefilter };
}

describe('event ids a Sigma rule needs (its prefilter)', () => {
  it('takes them from the log source', () => {
    expect(
      codesOf('sel:\n  Image: x\ncondition: sel', 'product: windows\n  category: process_creation'),
    ).toEqual({
      codes: ['1', '4688'],
      prefilter: { field: 'event.code', values: ['1', '4688'] },
    });
  });

  it('narrows them by the EventID the condition requires', () => {
    const processCreation = 'product: windows\n  category: process_creation';
    expect(codesOf('sel:\n  EventID: 4688\n  Image: x\ncondition: sel', processCreation).codes).toEqual([
      '4688',
    ]);
    expect(
      codesOf('sel:\n  EventID: [4624, 4625]\nfilter:\n  EventID: 1\ncondition: sel and not filter').codes,
    ).toEqual(['4624', '4625']);
  });

  it('needs every branch of or and 1 of to name its ids', () => {
    const two = 'sel_a:\n  EventID: 4624\nsel_b:\n  - EventID: 4625\n  - EventID: 4771\n';
    expect(codesOf(`${two}condition: 1 of sel_*`).codes).toEqual(['4624', '4625', '4771']);
    expect(codesOf(`${two}condition: sel_a or sel_b`).codes).toEqual(['4624', '4625', '4771']);
    expect(codesOf(`${two}other:\n  Image: x\ncondition: sel_a or other`).codes).toBeUndefined();
    expect(codesOf(`${two}condition: all of sel_*`).codes).toEqual(['4624']);
  });

  it('has none for sources without ids and searches without EventID', () => {
    expect(codesOf('keywords:\n  - x\ncondition: keywords', 'product: linux\n  service: sshd')).toEqual({
      codes: undefined,
      prefilter: undefined,
    });
  });
});
