import { describe, expect, it } from 'vitest';
import { clipText, escapeTelegramHtml } from './escape-html.ts';

describe('escapeTelegramHtml', () => {
  it('turns markup an attacker wrote into the entities Telegram accepts', () => {
    expect(escapeTelegramHtml('<b>admin</b> & "root" <script>')).toBe(
      '&lt;b&gt;admin&lt;/b&gt; &amp; &quot;root&quot; &lt;script&gt;',
    );
  });

  it('escapes an ampersand that already looks like an entity', () => {
    expect(escapeTelegramHtml('&lt;')).toBe('&amp;lt;');
  });

  it('replaces a lone surrogate half and keeps a whole emoji', () => {
    expect(escapeTelegramHtml('a\uD83Db 🔥')).toBe('a\uFFFDb 🔥');
  });
});

describe('clipText', () => {
  it('keeps text that fits', () => {
    expect(clipText('abc', 3)).toBe('abc');
  });

  it('cuts to the limit with an ellipsis', () => {
    expect(clipText('abcdef', 4)).toBe('abc…');
  });

  it('does not split an emoji in half', () => {
    const clipped = clipText('ab🔥cd', 4);
    expect(clipped).toBe('ab…');
    expect(clipped.length).toBeLessThanOrEqual(4);
  });
});
