import type { MatchRule } from '../model.ts';
import { compileDetection } from './match/compile-detection.ts';
import { readSigmaMetadata } from './metadata.ts';
import type { CompiledSigmaRule, SigmaOptions, SigmaRuleDocument } from './types.ts';

/**
 * Compiles one Sigma detection rule into a Klaxon match rule. Throws SigmaRuleError naming the
 * file, line, field and the construct when the rule cannot run as written.
 */
export function compileSigmaRule(
  doc: SigmaRuleDocument,
  origin: { file: string; line: number },
  options: SigmaOptions = {},
): CompiledSigmaRule {
  const metadata = readSigmaMetadata(doc, origin);
  const detection = compileDetection(doc, origin, options);
  const rule: MatchRule = {
    ...metadata.common,
    type: 'match',
    matches: detection.matches,
    ...(detection.prefilter !== undefined && { prefilter: detection.prefilter }),
    ...(detection.reads !== undefined && { reads: detection.reads }),
    source: origin,
  };
  return { rule, detection };
}
