import { SigmaRuleError } from '../sigma-error.ts';
import type { CompiledSigmaDetection, SigmaOptions, SigmaRuleDocument } from '../types.ts';
import { readLogsource } from '../metadata.ts';

/** Compiles `detection` (searches and condition) and `logsource` into one predicate. */
export function compileDetection(
  doc: SigmaRuleDocument,
  origin: { file: string; line: number },
  options: SigmaOptions,
): CompiledSigmaDetection {
  void options;
  throw new SigmaRuleError(
    origin.file,
    doc.lineOf(['detection']),
    'detection',
    `not implemented (${JSON.stringify(readLogsource(doc.body.logsource))})`,
  );
}
