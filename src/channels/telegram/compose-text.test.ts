import { describe, expect, it } from 'vitest';
import type { MessageContent } from '../message/index.ts';
import { composeTelegramText, TELEGRAM_TEXT_LIMIT } from './compose-text.ts';

const CONTENT: MessageContent = {
  title: '[P2] #42 SSH brute force from one address — opened',
  facts: [
    ['who/where', 'source.ip=24.151.103.17'],
    ['how often', '147 events'],
  ],
  evidence: ['first line', 'second line', 'latest line'],
  link: 'https://klaxon.example.com/incidents/42',
  footer: 'incident #42 · message 17 on soc',
};

describe('composeTelegramText', () => {
  it('writes the title bold, facts as label lines, evidence in a pre block, the link and the footer', () => {
    expect(composeTelegramText(CONTENT)).toBe(
      [
        '<b>[P2] #42 SSH brute force from one address — opened</b>',
        '',
        '<b>who/where:</b> source.ip=24.151.103.17',
        '<b>how often:</b> 147 events',
        '',
        '<b>Evidence</b>',
        '<pre>first line\nsecond line\nlatest line</pre>',
        '',
        '<a href="https://klaxon.example.com/incidents/42">Open in the Klaxon dashboard</a>',
        '<i>incident #42 · message 17 on soc</i>',
      ].join('\n'),
    );
  });

  it('writes a fact without a label as its bare value', () => {
    const html = composeTelegramText({ ...CONTENT, facts: [['', 'Channel soc went dead']] });
    expect(html).toContain('\nChannel soc went dead\n');
  });

  it('shows a link that is not http(s) as text, not as a clickable href', () => {
    const html = composeTelegramText({ ...CONTENT, link: 'javascript:alert(1)' });
    expect(html).not.toContain('<a ');
    expect(html).toContain('\njavascript:alert(1)\n');
  });

  it('drops evidence from the middle first and says how many lines are left out', () => {
    const evidence = Array.from({ length: 20 }, (_, i) => `line ${i} ${'x'.repeat(290)}`);
    const html = composeTelegramText({ ...CONTENT, evidence });
    expect(html.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(html).toContain('line 0 ');
    expect(html).toContain('line 19 ');
    expect(html).not.toContain('line 10 ');
    expect(html).toMatch(/… \d+ more evidence lines in the dashboard/);
    expect(html).toContain('<b>who/where:</b>');
    expect(html).toContain('href="https://klaxon.example.com/incidents/42"');
  });

  it('clips an overlong fact value and still shows evidence', () => {
    const html = composeTelegramText({ ...CONTENT, facts: [['runbook', 'r'.repeat(50_000)]] });
    expect(html.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(html).toContain(`<b>runbook:</b> ${'r'.repeat(299)}…`);
    expect(html).toContain('<pre>first line\nsecond line\nlatest line</pre>');
  });

  it('keeps the leading digest lines that fit and counts the rest', () => {
    const facts = Array.from({ length: 500 }, (_, i): [string, string] => [
      `#${i + 1} P3`,
      `incident ${i + 1} text`,
    ]);
    const html = composeTelegramText({ ...CONTENT, evidence: [], facts });
    expect(html.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(html).toContain('<b>#1 P3:</b> incident 1 text');
    const shown = html.split('\n').filter((line) => line.startsWith('<b>#')).length;
    expect(html).toContain(`… ${500 - shown} more lines in the dashboard`);
    expect(html.endsWith('<i>incident #42 · message 17 on soc</i>')).toBe(true);
  });

  it('stays within the limit even when every character escapes to six', () => {
    const quotes = '"'.repeat(50_000);
    const html = composeTelegramText({
      title: quotes,
      facts: [[quotes, quotes]],
      evidence: [quotes],
      link: `https://klaxon.example.com/${quotes}`,
      footer: quotes,
    });
    expect(html.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(html.startsWith('<b>&quot;')).toBe(true);
  });

  it('never cuts an entity in half when clipping', () => {
    const html = composeTelegramText({ ...CONTENT, facts: [['who', '&'.repeat(5000)]], evidence: [] });
    expect(html.length).toBeLessThanOrEqual(TELEGRAM_TEXT_LIMIT);
    expect(html.replace(/&(amp|lt|gt|quot);/g, '')).not.toContain('&');
  });
});
