import type { FittedContent } from './fit-content.ts';
import { sanitizeLine } from './sanitize-text.ts';

/** The text/plain part: title, one `label: value` line per fact, evidence, link, footer. */
export function renderEmailText(content: FittedContent): string {
  const lines = [content.title, ''];
  for (const [label, value] of content.facts) lines.push(label ? `${label}: ${value}` : value);
  if (content.evidence.length > 0)
    lines.push('', 'Evidence:', ...content.evidence.map((line) => `  ${line}`));
  if (content.omitted > 0) lines.push('', `(${content.omitted} more lines left out of this e-mail)`);
  if (content.link !== undefined) lines.push('', `Dashboard: ${sanitizeLine(content.link)}`);
  lines.push('', '-- ', content.footer, '');
  return lines.join('\n');
}
