import { findLogsource } from '../mapping/find-logsource.ts';
import { fieldCandidates } from '../mapping/resolve-field.ts';
import type { SigmaLogsource } from '../types.ts';

/**
 * Where a Sigma field name of a correlation (`group-by`, value_count `field`, `aliases`) is read
 * in the events of one referenced rule: the same places, in the same order, as the rule's own
 * detection reads it (its log source's variants; the first present wins).
 */
export function eventFieldsOf(sigmaField: string, logsource: SigmaLogsource): string[] {
  const variants = findLogsource(logsource) ?? [];
  const candidates = variants.flatMap((variant) => fieldCandidates(sigmaField, variant));
  return candidates.length > 0 ? [...new Set(candidates)] : [sigmaField];
}
