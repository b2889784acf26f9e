import type { SigmaLogsource } from '../types.ts';
import { LINUX_LOGSOURCES } from './other-logsources.ts';
import type { LogsourceEntry, SourceVariant } from './source-variant.ts';
import { WINDOWS_LOGSOURCES } from './windows-logsources.ts';

export const LOGSOURCES: readonly LogsourceEntry[] = [...WINDOWS_LOGSOURCES, ...LINUX_LOGSOURCES];

const KEYS = ['product', 'category', 'service'] as const;

/**
 * The source variants a rule's `logsource` stands for: the entry with exactly its product,
 * category and service; without a product, every product's entry for the category or service.
 * Undefined when the mapping has none (the rule is refused rather than run on every event).
 */
export function findLogsource(
  logsource: SigmaLogsource,
  entries: readonly LogsourceEntry[] = LOGSOURCES,
): readonly SourceVariant[] | undefined {
  const exact = entries.filter((entry) => KEYS.every((key) => entry[key] === logsource[key]));
  if (exact.length > 0) return exact.flatMap((entry) => entry.variants);
  if (logsource.product !== undefined || (logsource.category ?? logsource.service) === undefined)
    return undefined;
  const anyProduct = entries.filter(
    (entry) => entry.category === logsource.category && entry.service === logsource.service,
  );
  return anyProduct.length > 0 ? anyProduct.flatMap((entry) => entry.variants) : undefined;
}

export function describeLogsource(logsource: SigmaLogsource): string {
  const parts = KEYS.filter((key) => logsource[key] !== undefined).map((key) => `${key}: ${logsource[key]}`);
  return parts.length > 0 ? parts.join(', ') : '(empty)';
}
