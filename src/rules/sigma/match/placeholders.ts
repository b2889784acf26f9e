import { ownValue } from '../own-value.ts';
import { ModifierError } from './modifier-error.ts';
import { parseSigmaString } from './sigma-string.ts';
import type { SigmaValue } from './sigma-value.ts';

type SigmaText = Extract<SigmaValue, { kind: 'string' }>;

/** More combinations than this (several placeholders with long lists) are refused rather than built. */
const MAX_VARIANTS = 10_000;

/**
 * `expand`: every `%name%` becomes each of its configured values (Sigma syntax, wildcards
 * allowed); `\%` is a plain percent sign. A placeholder with no configured values refuses the
 * rule, as the specification asks of tools that cannot resolve it.
 */
export function expandPlaceholders(
  value: SigmaText,
  placeholders: Readonly<Record<string, readonly string[]>> | undefined,
): SigmaValue[] {
  let variants = [''];
  const pattern = value.pattern;
  let i = 0;
  while (i < pattern.length) {
    if (pattern.startsWith('\\%', i)) {
      variants = variants.map((prefix) => `${prefix}%`);
      i += 2;
      continue;
    }
    const end = pattern[i] === '%' ? pattern.indexOf('%', i + 1) : -1;
    if (end === -1) {
      const char = pattern[i] as string;
      variants = variants.map((prefix) => prefix + char);
      i++;
      continue;
    }
    const name = pattern.slice(i + 1, end);
    const values = ownValue(placeholders, name);
    if (values === undefined || values.length === 0)
      throw new ModifierError(`placeholder %${name}% has no values configured`);
    if (variants.length * values.length > MAX_VARIANTS)
      throw new ModifierError(`placeholders of this value expand to more than ${MAX_VARIANTS} values`);
    variants = variants.flatMap((prefix) => values.map((item) => prefix + parseSigmaString(item)));
    i = end + 1;
  }
  return variants.map((expanded) => ({ ...value, pattern: expanded, raw: expanded }));
}
