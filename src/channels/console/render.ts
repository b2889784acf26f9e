import type { Notification } from '../../core/index.ts';
import { describeNotification } from '../message/index.ts';

export interface ConsolePayload {
  /** Lines ending in a newline, free of terminal control sequences. */
  text: string;
}

const VALUE_CHARS = 300;
const MAX_FACTS = 30;
// Every C0/C1 control, ESC included (so a log line cannot move the cursor or recolour the
// terminal), and bidi overrides that could make a user name read backwards.
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** A readable block for a terminal: the title, indented facts and evidence, link and footer. */
export function renderConsole(notification: Notification): ConsolePayload {
  const content = describeNotification(notification);
  const lines = [safe(content.title)];
  for (const [label, value] of content.facts.slice(0, MAX_FACTS))
    lines.push(`  ${label ? `${safe(label)}: ` : ''}${safe(value)}`);
  if (content.facts.length > MAX_FACTS) lines.push(`  … ${content.facts.length - MAX_FACTS} more`);
  for (const line of content.evidence.slice(0, 5)) lines.push(`  > ${safe(line)}`);
  if (content.link !== undefined) lines.push(`  ${safe(content.link)}`);
  lines.push(`  (${safe(content.footer)})`, '');
  return { text: lines.join('\n') };
}

function safe(text: string): string {
  const flat = text.replace(UNSAFE, ' ');
  return flat.length <= VALUE_CHARS ? flat : `${flat.slice(0, VALUE_CHARS - 1)}…`;
}
