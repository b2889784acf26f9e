import type { MessageContent } from '../message/index.ts';
import { clipText, escapeTelegramHtml as escape } from './escape-html.ts';

/** Telegram's limit is 4,096 characters of text after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;

const FACT_LABEL_CHARS = 60;
const FACT_VALUE_CHARS = 300;
// `"` escapes to six characters, so a clipped title and footer alone stay well below 4,096.
const TITLE_CHARS = 400;
const FOOTER_CHARS = 150;
const EVIDENCE_OVERHEAD = '\n\n<b>Evidence</b>\n<pre></pre>'.length;

/** The message as HTML lines, each already escaped. */
interface Lines {
  title: string;
  facts: string[];
  omittedFacts: number;
  evidence: string[];
  omittedEvidence: number;
  link?: string;
  footer: string;
}

/**
 * The message as Telegram HTML within `limit`. The limit is measured on the HTML source in UTF-16
 * units, which is never less than what Telegram counts, so the result is always accepted. When it
 * does not fit, evidence lines go first (the first and the latest stay longest); if even no
 * evidence is not enough, long fact values and an overlong title are clipped and evidence is
 * fitted again; then trailing facts (digest lines) go. The dashboard link and the footer with the
 * serial stay. Everything is escaped once; fitting only measures and joins.
 */
export function composeTelegramText(content: MessageContent, limit = TELEGRAM_TEXT_LIMIT): string {
  const lines: Lines = {
    title: `<b>${escape(content.title)}</b>`,
    facts: content.facts.map(([label, value]) => formatFact(label, value)),
    omittedFacts: 0,
    evidence: content.evidence.map(escape),
    omittedEvidence: 0,
    ...(content.link !== undefined && { link: formatLink(content.link) }),
    footer: `<i>${escape(content.footer)}</i>`,
  };
  const html = joinLines(lines);
  if (html.length <= limit) return html;
  const fitted = fitEvidence(lines, limit);
  if (fitted.length <= limit) return fitted;
  const clipped: Lines = {
    ...lines,
    title: `<b>${escape(clipText(content.title, TITLE_CHARS))}</b>`,
    footer: `<i>${escape(clipText(content.footer, FOOTER_CHARS))}</i>`,
    facts: content.facts.map(([label, value]) =>
      formatFact(clipText(label, FACT_LABEL_CHARS), clipText(value, FACT_VALUE_CHARS)),
    ),
  };
  const fittedClipped = fitEvidence(clipped, limit);
  if (fittedClipped.length <= limit) return fittedClipped;
  const withoutEvidence: Lines = { ...clipped, evidence: [], omittedEvidence: lines.evidence.length };
  const shorter = keepLeadingFacts(withoutEvidence, limit);
  return shorter.length <= limit ? shorter : formatFallback(content, withoutEvidence, limit);
}

/** Keeps as many evidence lines as fit, taking them from both ends inwards. */
function fitEvidence(lines: Lines, limit: number): string {
  const all = lines.evidence;
  const without = joinLines({ ...lines, evidence: [], omittedEvidence: all.length });
  let budget = limit - without.length - EVIDENCE_OVERHEAD;
  const keep = new Array<boolean>(all.length).fill(false);
  for (let i = 0; i < all.length; i++) {
    const index = i % 2 === 0 ? i / 2 : all.length - 1 - (i - 1) / 2;
    const cost = all[index]!.length + 1;
    if (cost > budget) break;
    keep[index] = true;
    budget -= cost;
  }
  let kept = all.filter((_, index) => keep[index]);
  for (;;) {
    const html = joinLines({ ...lines, evidence: kept, omittedEvidence: all.length - kept.length });
    // The count in the "more evidence lines" note may grow by a digit: then give up one more line.
    if (html.length <= limit || kept.length === 0) return html;
    kept = kept.filter((_, index) => index !== Math.floor(kept.length / 2));
  }
}

/** The longest run of leading facts that fits (binary search: a digest may list hundreds). */
function keepLeadingFacts(lines: Lines, limit: number): string {
  const attempt = (count: number): string =>
    joinLines({ ...lines, facts: lines.facts.slice(0, count), omittedFacts: lines.facts.length - count });
  let low = 0;
  let high = lines.facts.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (attempt(middle).length <= limit) low = middle;
    else high = middle - 1;
  }
  return attempt(low);
}

function formatFallback(content: MessageContent, lines: Lines, limit: number): string {
  const bare: Lines = { ...lines, facts: [], omittedFacts: lines.facts.length };
  const html = joinLines(bare);
  if (html.length <= limit) return html;
  const unlinked = joinLines({ ...bare, link: undefined });
  return unlinked.length <= limit ? unlinked : escape(clipText(content.title, Math.floor(limit / 6)));
}

function joinLines(lines: Lines): string {
  const out = [lines.title];
  if (lines.facts.length > 0) out.push('', ...lines.facts);
  if (lines.omittedFacts > 0)
    out.push(`<i>… ${plural(lines.omittedFacts, 'more line')} in the dashboard</i>`);
  if (lines.evidence.length > 0) out.push('', '<b>Evidence</b>', `<pre>${lines.evidence.join('\n')}</pre>`);
  if (lines.omittedEvidence > 0) {
    out.push(`<i>… ${plural(lines.omittedEvidence, 'more evidence line')} in the dashboard</i>`);
  }
  out.push('');
  if (lines.link !== undefined) out.push(lines.link);
  out.push(lines.footer);
  return out.join('\n');
}

function formatFact(label: string, value: string): string {
  return label ? `<b>${escape(label)}:</b> ${escape(value)}` : escape(value);
}

function formatLink(link: string): string {
  return /^https?:\/\//i.test(link)
    ? `<a href="${escape(link)}">Open in the Klaxon dashboard</a>`
    : escape(link);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
