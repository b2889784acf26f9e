import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from './markdown.ts';

describe('runbook markdown', () => {
  it('parses paragraphs, lists and inline marks', () => {
    const blocks = parseMarkdown('Block **now**, see `klaxon incidents`.\n\n- one *a*\n- two\n1. first');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'list']);
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      children: [
        { kind: 'text', text: 'Block ' },
        { kind: 'strong', children: [{ kind: 'text', text: 'now' }] },
        { kind: 'text', text: ', see ' },
        { kind: 'code', text: 'klaxon incidents' },
        { kind: 'text', text: '.' },
      ],
    });
    expect(blocks[1]).toMatchObject({
      ordered: false,
      items: [[{ text: 'one ' }, { kind: 'em' }], [{ text: 'two' }]],
    });
    expect(blocks[2]).toMatchObject({ ordered: true, items: [[{ text: 'first' }]] });
  });

  it('links dashboard paths and http(s) only', () => {
    expect(parseInline('[mute](/silences?x=1)')).toEqual([
      { kind: 'link', href: '/silences?x=1', external: false, children: [{ kind: 'text', text: 'mute' }] },
    ]);
    expect(safeHref('https://example.org/a')).toEqual({ href: 'https://example.org/a', external: true });
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '//evil.example',
      '/\\evil',
      'data:text/html,x',
    ])
      expect(safeHref(bad)).toBeNull();
  });

  it('keeps hostile input as plain text', () => {
    const [link] = parseInline('[click](javascript:alert(1))');
    expect(link).toEqual({ kind: 'text', text: '[click](javascript:alert(1)' });
    const blocks = parseMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        children: [{ kind: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' }],
      },
    ]);
  });
});
