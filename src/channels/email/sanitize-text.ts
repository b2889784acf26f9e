// C0/C1 controls (CR/LF included: one fact is one line), bidi overrides that could make an
// attacker-chosen user name read backwards, and lone surrogate halves.
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const UNSAFE = /[\u0000-\u001F\u007F-\u009F]|[\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One line of text safe to put in a mail body or header: no controls, no bidi tricks. */
export function sanitizeLine(text: string): string {
  return text.replace(UNSAFE, (char) => (char < '\u00A0' ? ' ' : '\uFFFD')).replace(LONE_SURROGATE, '\uFFFD');
}

export { clipText as clipLine } from '../clip-text.ts';
