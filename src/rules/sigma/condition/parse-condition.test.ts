import { describe, expect, it } from 'vitest';
import { compileDetectionText, refusalOf, securityEvent } from '../testdata/sigma-fixture.ts';
import { parseCondition } from './parse-condition.ts';

/** Three searches on fields a, b, c (each true when the field is `1`), joined by `condition`. */
function truthTable(condition: string): string[] {
  const matches = compileDetectionText(`a:\n  A: 1\nb:\n  B: 1\nc:\n  C: 1\ncondition: ${condition}`);
  const rows: string[] = [];
  for (const bits of ['000', '001', '010', '011', '100', '101', '110', '111']) {
    const [a, b, c] = bits.split('').map(Number);
    if (matches(securityEvent(1, { A: a, B: b, C: c }))) rows.push(bits);
  }
  return rows;
}

describe('Sigma conditions', () => {
  it('binds not tighter than and, and and tighter than or', () => {
    expect(truthTable('a or b and c')).toEqual(truthTable('a or (b and c)'));
    expect(truthTable('a or b and c')).toEqual(['011', '100', '101', '110', '111']);
    expect(truthTable('not a and b')).toEqual(['010', '011']);
    expect(truthTable('not (a and b)')).toEqual(['000', '001', '010', '011', '100', '101']);
    expect(truthTable('(a or b) and not c')).toEqual(['010', '100', '110']);
    expect(truthTable('a and not not b')).toEqual(['110', '111']);
  });

  it('parses to the tree the precedence gives, keywords in any case', () => {
    expect(parseCondition('a OR b AND NOT c')).toEqual({
      kind: 'or',
      children: [
        { kind: 'identifier', name: 'a' },
        {
          kind: 'and',
          children: [
            { kind: 'identifier', name: 'b' },
            { kind: 'not', child: { kind: 'identifier', name: 'c' } },
          ],
        },
      ],
    });
  });

  it('1 of / all of a pattern or of them (them leaves out searches starting with _)', () => {
    const detection = ['selection_a:\n  A: 1', 'selection_b:\n  B: 1', '_helper:\n  C: 1'].join('\n');
    const run = (condition: string, data: Record<string, number>) =>
      compileDetectionText(`${detection}\ncondition: ${condition}`)(securityEvent(1, data));
    expect(run('1 of selection_*', { B: 1 })).toBe(true);
    expect(run('all of selection_*', { B: 1 })).toBe(false);
    expect(run('all of selection_*', { A: 1, B: 1 })).toBe(true);
    expect(run('all of them', { A: 1, B: 1 })).toBe(true);
    expect(run('1 of them', { C: 1 })).toBe(false);
    expect(run('1 of selection_* and not 1 of _h*', { A: 1, C: 1 })).toBe(false);
  });

  it('a list of conditions is any of them', () => {
    const matches = compileDetectionText('a:\n  A: 1\nb:\n  B: 1\ncondition:\n  - a\n  - b');
    expect([{ A: 1 }, { B: 1 }, {}].map((data) => matches(securityEvent(1, data)))).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('refuses what it cannot run, naming the construct', () => {
    const reason = (condition: string) => refusalOf(`a:\n  A: 1\ncondition: ${condition}`).reason;
    expect(reason('a | count() by IpAddress > 5')).toContain('aggregation `| ...`');
    expect(reason('a and (b')).toContain('missing `)`');
    expect(reason('a and missing')).toContain('`missing`, which the detection does not define');
    expect(reason('1 of filter*')).toContain('`1 of filter*` matches no search identifier');
    expect(reason('2 of a*')).toContain('`2 of` is not supported');
    expect(reason('a near b')).toContain('unexpected `near`');
    expect(reason('a and')).toContain('the condition ends');
  });
});
