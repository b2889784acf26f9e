import { describe, expect, it } from 'vitest';
import { compileSigmaCollection } from './compile-collection.ts';
import { parseSigmaText } from './parse-sigma-text.ts';

function compile(head: string) {
  const text = `${head}\nlogsource: {product: windows, service: security}\ndetection: {sel: {EventID: 1}, condition: sel}`;
  return compileSigmaCollection(parseSigmaText(text, 'rules/meta.yml'));
}

describe('Sigma metadata', () => {
  it.each([
    ['informational', 'info'],
    ['low', 'low'],
    ['medium', 'medium'],
    ['high', 'high'],
    ['critical', 'critical'],
  ])('level %s is severity %s', (level, severity) => {
    expect(compile(`title: t\nlevel: ${level}`).rules[0]?.severity).toBe(severity);
  });

  it.each([
    ['stable', 'high'],
    ['test', 'medium'],
    ['experimental', 'low'],
    ['deprecated', 'low'],
    ['unsupported', 'low'],
  ])('status %s is confidence %s', (status, confidence) => {
    expect(compile(`title: t\nstatus: ${status}`).rules[0]?.confidence).toBe(confidence);
  });

  it('keeps ATT&CK technique tags as ids, every tag, and the descriptive fields', () => {
    const { rules } = compile(
      [
        'title: Suspicious thing',
        'id: 5F0B2E8A-1C2D-4E3F-8A9B-0C1D2E3F4A5B',
        'author: Someone',
        'description: what it finds',
        'references: [https://example.org/a]',
        'falsepositives: [Admins, Backups]',
        'tags: [attack.t1059.001, attack.execution, attack.T1003, car.2013-05-002]',
      ].join('\n'),
    );
    const rule = rules[0];
    expect(rule?.id).toBe('5f0b2e8a-1c2d-4e3f-8a9b-0c1d2e3f4a5b');
    expect(rule?.attack).toEqual(['T1059.001', 'T1003']);
    expect(rule?.tags).toEqual(['attack.t1059.001', 'attack.execution', 'attack.T1003', 'car.2013-05-002']);
    expect(rule?.description).toBe('what it finds');
    expect(rule?.sigma).toEqual({
      id: '5F0B2E8A-1C2D-4E3F-8A9B-0C1D2E3F4A5B',
      title: 'Suspicious thing',
      author: 'Someone',
      references: ['https://example.org/a'],
      falsepositives: ['Admins', 'Backups'],
      logsource: { product: 'windows', service: 'security' },
    });
    expect([rule?.severity, rule?.confidence, rule?.source]).toEqual([
      'medium',
      'medium',
      { file: 'rules/meta.yml', line: 1 },
    ]);
  });

  it('makes an id from the file name when the rule has none', () => {
    expect(compile('title: t').rules[0]?.id).toBe('sigma-meta-1');
  });

  it('refuses a missing title or an unknown level, naming the field and line', () => {
    expect(compile('level: high').refused[0]).toMatchObject({ line: 1, reason: 'title: missing `title`' });
    expect(compile('title: t\nlevel: severe').refused[0]).toMatchObject({
      line: 2,
      title: 't',
      reason: expect.stringContaining('level: unknown level `severe`'),
    });
  });
});
