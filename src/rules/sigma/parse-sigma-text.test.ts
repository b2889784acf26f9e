import { describe, expect, it } from 'vitest';
import { isSigmaDocument, parseSigmaText } from './parse-sigma-text.ts';

const FILE = [
  'title: one',
  'logsource: {product: windows}',
  'detection: {sel: {EventID: 1}, condition: sel}',
  '---',
  'title: burst',
  'correlation:',
  '  type: event_count',
  '  rules: [one]',
  '---',
  'title: quiet hosts',
  'logsource: {product: windows}',
  'filter:',
  '  rules: [one]',
  '  selection: {Computer: x}',
  '  condition: not selection',
  '---',
  'just: text',
].join('\n');

describe('parseSigmaText', () => {
  it('splits a file into its documents, each with its kind and first line', () => {
    const docs = parseSigmaText(FILE, 'rules.yml');
    expect(docs.map((doc) => [doc.kind, doc.line, doc.body.title])).toEqual([
      ['rule', 1, 'one'],
      ['correlation', 5, 'burst'],
      ['filter', 10, 'quiet hosts'],
      ['unknown', 17, undefined],
    ]);
    expect(docs[1]?.lineOf(['correlation', 'rules'])).toBe(8);
    expect(docs.every((doc) => doc.file === 'rules.yml')).toBe(true);
  });

  it('tells Sigma documents from Klaxon rules', () => {
    expect(isSigmaDocument({ logsource: {}, detection: {} })).toBe(true);
    expect(isSigmaDocument({ correlation: { type: 'temporal' } })).toBe(true);
    expect(isSigmaDocument({ logsource: {}, filter: {} })).toBe(true);
    expect(isSigmaDocument({ id: 'x', type: 'match', where: {} })).toBe(false);
    expect(isSigmaDocument([{ logsource: {}, detection: {} }])).toBe(false);
    expect(isSigmaDocument(null)).toBe(false);
  });

  it('reports a broken document with its line and keeps the others', () => {
    const docs = parseSigmaText('title: a\nlogsource: {}\ndetection: {}\n---\ntitle: [unclosed\n', 'bad.yml');
    expect(docs.map((doc) => doc.kind)).toEqual(['rule', 'invalid']);
    // The YAML library places an unclosed flow sequence where the text ends.
    expect(docs[1]?.error?.line).toBeGreaterThanOrEqual(5);
    expect(docs[1]?.error?.message).toMatch(/YAML|flow|unclosed|expected/i);
  });

  it('refuses duplicate keys and a document that is not a map', () => {
    const duplicate = parseSigmaText('title: a\ntitle: b\n', 'dup.yml');
    expect(duplicate[0]?.kind).toBe('invalid');
    expect(duplicate[0]?.error?.line).toBe(2);
    expect(parseSigmaText('- a\n- b\n', 'list.yml')[0]?.kind).toBe('invalid');
  });

  it('applies collection actions: global templates, reset, repeat', () => {
    const text = [
      'action: global',
      'title: Shared',
      'logsource: {product: windows}',
      'detection: {condition: sel}',
      '---',
      'logsource: {service: security}',
      'detection: {sel: {EventID: 4624}}',
      '---',
      'action: repeat',
      'detection: {sel: {EventID: 4625}}',
      '---',
      'action: reset',
      '---',
      'title: alone',
      'logsource: {product: linux}',
      'detection: {sel: x, condition: sel}',
      '---',
      'action: sideways',
    ].join('\n');
    const docs = parseSigmaText(text, 'collection.yml');
    expect(docs.map((doc) => [doc.kind, doc.line])).toEqual([
      ['rule', 6],
      ['rule', 9],
      ['rule', 14],
      ['invalid', 18],
    ]);
    expect(docs[0]?.body).toEqual({
      title: 'Shared',
      logsource: { service: 'security', product: 'windows' },
      detection: { sel: { EventID: 4624 }, condition: 'sel' },
    });
    expect(docs[1]?.body.detection).toEqual({ sel: { EventID: 4625 }, condition: 'sel' });
    expect(docs[2]?.body.title).toBe('alone');
    expect(docs[3]?.error?.message).toContain('unknown collection action `sideways`');
  });
});
