import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SigmaRule } from './components/sigma-rule.tsx';

describe('the incident page names the Sigma rule', () => {
  const html = renderToStaticMarkup(
    createElement(SigmaRule, {
      sigma: {
        id: '34fb5c3a-2ff6-487d-bfa3-717763f30b2c',
        title: 'Brute Force Authentication Attempts For Single Account',
        author: 'Hydra2113',
        references: ['https://example.org/event-4625', 'javascript:alert(1)', 'internal wiki page'],
        falsepositives: ['Users mistyping their password'],
      },
    }),
  );

  it('shows title, id, author and false positives', () => {
    expect(html).toContain('<strong>Brute Force Authentication Attempts For Single Account</strong>');
    expect(html).toContain('34fb5c3a-2ff6-487d-bfa3-717763f30b2c');
    expect(html).toContain('by Hydra2113');
    expect(html).toContain('<li>Users mistyping their password</li>');
  });

  it('links web references only; other text stays text', () => {
    expect(html).toContain(
      '<a href="https://example.org/event-4625" target="_blank" rel="noopener noreferrer">',
    );
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<li>javascript:alert(1)</li>');
    expect(html).toContain('<li>internal wiki page</li>');
  });
});
