import { describe, expect, it } from 'vitest';
import { clipEscaped, escapeCodeBlock, escapeMrkdwn } from './escape-mrkdwn.ts';

describe('escapeMrkdwn', () => {
  it('turns mentions and links into inert text', () => {
    expect(escapeMrkdwn('<!channel> & <http://evil|bank>')).toBe(
      '&lt;!channel&gt; &amp; &lt;http://evil|bank&gt;',
    );
  });
});

describe('escapeCodeBlock', () => {
  it('leaves no run of three backticks that could end the code block', () => {
    const escaped = escapeCodeBlock('a ``` b ```` c');
    expect(escaped).not.toMatch(/``/);
    expect(escaped.replace(/\u200b/g, '')).toBe('a ``` b ```` c');
  });
});

describe('clipEscaped', () => {
  it('keeps short text as it is', () => {
    expect(clipEscaped('abc', 3)).toBe('abc');
  });

  it('clips with an ellipsis within the limit', () => {
    expect(clipEscaped('abcdef', 4)).toBe('abc…');
  });

  it('never cuts an entity in half', () => {
    const clipped = clipEscaped('ab&amp;cdef', 6);
    expect(clipped).toBe('ab…');
    expect(clipped.length).toBeLessThanOrEqual(6);
    expect(clipEscaped('ab&amp;cdef', 8)).toBe('ab&amp;…');
  });
});
