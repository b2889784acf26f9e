import { compileSigmaCollection } from './compile-collection.ts';
import { parseSigmaText } from './parse-sigma-text.ts';
import type { SigmaDocument, SigmaOptions, SigmaRefusal } from './types.ts';
import type { Rule } from '../model.ts';

/** What loading a folder's Sigma documents gave: `loaded` of `total` ran, the others are `refused`. */
export interface SigmaLoadReport {
  total: number;
  loaded: number;
  refused: SigmaRefusal[];
}

const SIGMA_KEYS = /\b(?:detection|correlation|filter)\b/;

/**
 * The file's Sigma documents when it is a Sigma file (some document has `logsource` and
 * `detection`, `correlation` or `filter`); undefined for a Klaxon rule file (or broken YAML,
 * which the Klaxon loader reports as it always has).
 */
export function readSigmaFile(text: string, file: string): SigmaDocument[] | undefined {
  // Every Sigma document has one of these keys: other files are not parsed twice.
  if (!SIGMA_KEYS.test(text)) return undefined;
  const documents = parseSigmaText(text, file);
  const sigma = documents.some(
    (doc) => doc.kind === 'rule' || doc.kind === 'correlation' || doc.kind === 'filter',
  );
  return sigma ? documents : undefined;
}

/** Compiles the Sigma documents of every file read, and counts them. */
export function loadSigmaDocuments(
  documents: readonly SigmaDocument[],
  options: SigmaOptions = {},
): { rules: Rule[]; report: SigmaLoadReport } {
  const { rules, refused } = compileSigmaCollection(documents, options);
  return { rules, report: { total: rules.length + refused.length, loaded: rules.length, refused } };
}

/** One line for replay and start: how many load, and where to see why the others do not. */
export function summarizeSigmaReport(report: SigmaLoadReport): string {
  const noun = report.total === 1 ? 'rule' : 'rules';
  const refused = report.refused.length;
  const why = refused > 0 ? `; ${refused} refused (\`klaxon rules check\` names each and why)` : '';
  return `${report.loaded} of ${report.total} Sigma ${noun} load${why}`;
}

/** `3 of 5 Sigma rules load`, then one `file:line: title: reason` line per refused rule. */
export function formatSigmaReport(report: SigmaLoadReport): string[] {
  const noun = report.total === 1 ? 'rule' : 'rules';
  return [
    `${report.loaded} of ${report.total} Sigma ${noun} load`,
    ...report.refused.map(
      (refusal) =>
        `${refusal.file}:${refusal.line}: ${refusal.title ? `${refusal.title}: ` : ''}${refusal.reason}`,
    ),
  ];
}
