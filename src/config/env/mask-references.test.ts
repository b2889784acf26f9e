import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { maskReferences, unmaskReferences } from './mask-references.ts';

describe('maskReferences', () => {
  it('lets a reference stand as one value inside a flow map and keeps every offset', () => {
    const text = 'chat: { token: ${TOKEN}, room: ${ROOM:-a,b} }\n';
    const masked = maskReferences(text) as string;
    expect(masked).toHaveLength(text.length);
    const parsed = parse(masked) as { chat: Record<string, string> };
    expect(Object.values(parsed.chat).map(unmaskReferences)).toEqual(['${TOKEN}', '${ROOM:-a,b}']);
  });

  it('leaves braces that are not part of a reference alone', () => {
    expect(maskReferences('a: { b: [1, 2] }\n')).toBe('a: { b: [1, 2] }\n');
  });

  it('does not mask a text that already holds the mask characters', () => {
    expect(maskReferences('a: "\uE000"\nb: ${X}\n')).toBeUndefined();
  });
});
