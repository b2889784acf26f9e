import type { ValidationIssue } from '../core/index.ts';
import { SECRET_SHOWN } from './seal-secrets.ts';

// Shorter texts (`1`, `true`) would blank out ordinary words of messages; the messages of secret
// fields never quote their value in the first place, so this is the second line of defence.
const MIN_LENGTH = 4;

/** Every text and number inside `value` (a secret's settings), for redaction. */
export function collectTexts(value: unknown, into: string[]): void {
  if (typeof value === 'string' || typeof value === 'number') into.push(String(value));
  else if (Array.isArray(value)) for (const item of value) collectTexts(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) collectTexts(item, into);
  }
}

/** The issues with each of `secrets` in their messages replaced by `<secret>`. */
export function redactMessages(issues: ValidationIssue[], secrets: readonly string[]): ValidationIssue[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_LENGTH) continue;
    forms.add(secret);
    const encoded = encodeOrUndefined(secret);
    if (encoded !== undefined) forms.add(encoded);
  }
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  return issues.map((issue) => {
    const message = ordered.reduce((text, form) => text.replaceAll(form, SECRET_SHOWN), issue.message);
    return message === issue.message ? issue : { ...issue, message };
  });
}

/** encodeURIComponent throws on a lone surrogate (`\ud800`); such a secret has no URL form. */
function encodeOrUndefined(text: string): string | undefined {
  try {
    return encodeURIComponent(text);
  } catch {
    return undefined;
  }
}
