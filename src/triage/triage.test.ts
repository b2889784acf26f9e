import { describe, expect, it } from 'vitest';
import { CONFIDENCES, SEVERITIES } from '../core/index.ts';
import { describeTechnique, priorityOf, triage } from './index.ts';

describe('priority', () => {
  it('is P1 only when severity is high or critical and confidence is high', () => {
    const p1 = SEVERITIES.flatMap((s) => CONFIDENCES.map((c) => [s, c] as const)).filter(
      ([s, c]) => priorityOf(s, c) === 'P1',
    );
    expect(p1).toEqual([
      ['high', 'high'],
      ['critical', 'high'],
    ]);
  });

  it('never rises when severity or confidence falls', () => {
    const rank = (s: (typeof SEVERITIES)[number], c: (typeof CONFIDENCES)[number]) =>
      Number(priorityOf(s, c).slice(1));
    for (let s = 1; s < SEVERITIES.length; s++) {
      for (let c = 0; c < CONFIDENCES.length; c++) {
        expect(rank(SEVERITIES[s - 1]!, CONFIDENCES[c]!)).toBeGreaterThanOrEqual(
          rank(SEVERITIES[s]!, CONFIDENCES[c]!),
        );
        if (c > 0)
          expect(rank(SEVERITIES[s]!, CONFIDENCES[c - 1]!)).toBeGreaterThanOrEqual(
            rank(SEVERITIES[s]!, CONFIDENCES[c]!),
          );
      }
    }
  });

  it('puts informational rules last whatever the confidence', () => {
    expect(CONFIDENCES.map((c) => priorityOf('info', c))).toEqual(['P5', 'P5', 'P5']);
  });
});

describe('triage', () => {
  it('names known ATT&CK techniques and links sub-techniques', () => {
    expect(describeTechnique('T1110.003')).toEqual({
      id: 'T1110.003',
      name: 'Brute Force: Password Spraying',
      url: 'https://attack.mitre.org/techniques/T1110/003/',
    });
  });

  it("names no technique for an id that is an object's property", () => {
    expect(describeTechnique('constructor').name).toBeUndefined();
  });

  it('keeps unknown technique ids', () => {
    expect(triage({ severity: 'low', confidence: 'low', attack: ['T9999'] }).attack[0]).toMatchObject({
      id: 'T9999',
      name: undefined,
    });
  });
});
