import { escapeHtml } from './escape-html.ts';
import type { FittedContent } from './fit-content.ts';

const CELL = 'padding:2px 12px 2px 0;vertical-align:top';

/**
 * The text/html part: the same content as the text part, every value escaped. Inline styles
 * only (mail clients drop <style>), and the link only when it is http(s).
 */
export function renderEmailHtml(content: FittedContent): string {
  const parts = [
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head>',
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#111">',
    `<h2 style="font-size:18px;margin:0 0 12px">${escapeHtml(content.title)}</h2>`,
  ];
  if (content.facts.length > 0)
    parts.push(`<table style="border-collapse:collapse">${renderFacts(content)}</table>`);
  if (content.evidence.length > 0) {
    const lines = content.evidence.map(escapeHtml).join('\n');
    parts.push(
      '<p style="margin:16px 0 4px;font-weight:bold">Evidence</p>',
      `<pre style="white-space:pre-wrap;font-size:12px;background:#f4f4f4;padding:8px">${lines}</pre>`,
    );
  }
  if (content.omitted > 0) parts.push(`<p>(${content.omitted} more lines left out of this e-mail)</p>`);
  if (content.link !== undefined && /^https?:\/\//i.test(content.link)) {
    parts.push(`<p><a href="${escapeHtml(content.link)}">Open in the Klaxon dashboard</a></p>`);
  }
  parts.push(`<p style="color:#666;font-size:12px">${escapeHtml(content.footer)}</p>`, '</body></html>');
  return parts.join('\n');
}

function renderFacts(content: FittedContent): string {
  return content.facts
    .map(([label, value]) =>
      label
        ? `<tr><th align="left" style="${CELL};white-space:nowrap">${escapeHtml(label)}</th><td style="${CELL}">${escapeHtml(value)}</td></tr>`
        : `<tr><td colspan="2" style="${CELL}">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
}
