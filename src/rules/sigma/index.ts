export type {
  SigmaDocument,
  SigmaDocumentKind,
  SigmaRuleDocument,
  SigmaLogsource,
  CompiledSigmaRule,
  CompiledSigmaDetection,
  SigmaRefusal,
  SigmaCollection,
  SigmaOptions,
} from './types.ts';
export { parseSigmaText, isSigmaDocument } from './parse-sigma-text.ts';
export { compileSigmaRule } from './compile-rule.ts';
export { compileSigmaCollection } from './compile-collection.ts';
export { SigmaRuleError } from './sigma-error.ts';
export type { SigmaLoadReport } from './sigma-files.ts';
export { readSigmaFile, loadSigmaDocuments, formatSigmaReport, summarizeSigmaReport } from './sigma-files.ts';
