import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_BYTES } from '../config/index.ts';
import { loadRulesFromPaths, loadRulesFromText } from './load-rules.ts';

const RULE = 'id: lol\ntitle: Lol\ntype: match\nwhere: { user.name: x }\nseverity: low\n';

function issuesOf(text: string): string[] {
  const { rules, issues } = loadRulesFromText(text, 'lol.yml');
  expect(rules).toEqual([]);
  return issues.map((issue) => `${issue.line}:${issue.column}: ${issue.field ?? '-'}: ${issue.message}`);
}

describe('rule files are parsed within limits', () => {
  it('refuses a billion-laughs alias bomb in a rule with file, line and column', () => {
    const levels = ['x-lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 9; i++)
      levels.push(
        `x-lol${i}: &lol${i} [${Array(9)
          .fill(`*lol${i - 1}`)
          .join(', ')}]`,
      );
    const started = performance.now();
    expect(issuesOf(RULE + levels.join('\n'))).toEqual([
      '10:16: -: YAML: aliases expand to more than 10000 values; write the values out',
    ]);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses an alias loop inside where, which would recurse forever', () => {
    expect(
      issuesOf(
        'id: loop\ntitle: Loop\ntype: match\nwhere: &w\n  user.name: x\n  user.id: *w\nseverity: low\n',
      ),
    ).toEqual(['6:12: -: YAML: alias *w is inside the node it names (a loop)']);
  });

  it('turns the yaml package’s own alias limit into an issue at an alias', () => {
    // 3^5 values: under the expansion bound, over the package's count of alias uses.
    const lines = ['  user.name: &a0 [l1, l2, l3]'];
    for (let i = 1; i < 5; i++)
      lines.push(
        `  user.id${i}: &a${i} [${Array(3)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const text = `id: deep\ntitle: Deep\ntype: match\nseverity: low\nwhere:\n${lines.join('\n')}\n`;
    expect(issuesOf(text)).toEqual([
      expect.stringMatching(/^7:\d+: -: YAML: aliases expand to too much data/),
    ]);
  });

  it('names a rule file above 1 MiB at line 1 without parsing it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'klaxon-rules-'));
    try {
      const file = join(folder, 'huge.yml');
      await writeFile(file, `${RULE}# ${'x'.repeat(MAX_YAML_BYTES)}\n`);
      const { rules, issues } = await loadRulesFromPaths([folder]);
      expect(rules).toEqual([]);
      expect(issues).toEqual([
        {
          file,
          line: 1,
          column: 1,
          message: expect.stringMatching(/^the file is \d+ bytes; a YAML file may be at most 1048576 bytes/),
        },
      ]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
