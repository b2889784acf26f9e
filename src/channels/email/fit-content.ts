import type { MessageContent } from '../message/index.ts';
import { clipLine, sanitizeLine } from './sanitize-text.ts';

/** The message with every line made safe and the whole within a budget mail clients handle well. */
export interface FittedContent extends MessageContent {
  /** Facts and evidence lines left out to stay within the budget; the dashboard has them all. */
  omitted: number;
}

const TITLE_CHARS = 500;
const LABEL_CHARS = 100;
const VALUE_CHARS = 2_000;
const BODY_CHARS = 100_000;

/**
 * Mail has no hard size limit, but a digest of hundreds of incidents or a 50 kB user name must
 * not make a message that servers refuse (SIZE) or clients choke on: each value is clipped, and
 * lines beyond the budget are counted in `omitted` instead of sent.
 */
export function fitContent(content: MessageContent, budget = BODY_CHARS): FittedContent {
  let left = budget;
  let omitted = 0;
  const take = (size: number): boolean => {
    if (size > left) {
      omitted++;
      return false;
    }
    left -= size;
    return true;
  };
  const facts: [string, string][] = [];
  for (const [label, value] of content.facts) {
    const fact: [string, string] = [clip(label, LABEL_CHARS), clip(value, VALUE_CHARS)];
    if (take(fact[0].length + fact[1].length + 4)) facts.push(fact);
  }
  const evidence = content.evidence
    .map((line) => clip(line, VALUE_CHARS))
    .filter((line) => take(line.length + 2));
  return {
    ...content,
    title: clip(content.title, TITLE_CHARS),
    footer: clip(content.footer, TITLE_CHARS),
    facts,
    evidence,
    omitted,
  };
}

function clip(text: string, max: number): string {
  return clipLine(sanitizeLine(text), max);
}
