import type { EventPredicate, MatchRule, Prefilter, Rule } from '../model.ts';

/** What a Sigma YAML document is: a detection rule, a correlation, a filter, or something else. */
export type SigmaDocumentKind = 'rule' | 'correlation' | 'filter' | 'unknown' | 'invalid';

export type SigmaPath = readonly (string | number)[];

/** One YAML document of a Sigma file, as plain data, with where it was written. */
export interface SigmaDocument {
  kind: SigmaDocumentKind;
  /** The document as plain JavaScript (empty for `invalid`). */
  body: Record<string, unknown>;
  file: string;
  /** Line of the document's first key. */
  line: number;
  /** Line of a key inside the document (the nearest existing one), for messages. */
  lineOf(path: SigmaPath): number;
  /** `invalid`: what is wrong (YAML syntax, aliases, duplicate keys), with its own line. */
  error?: { line: number; message: string };
}

export interface SigmaRuleDocument extends SigmaDocument {
  kind: 'rule';
}

export interface SigmaLogsource {
  product?: string;
  category?: string;
  service?: string;
}

export interface CompiledSigmaDetection {
  matches: EventPredicate;
  prefilter?: Prefilter;
  logsource: SigmaLogsource;
  /** Event ids the rule can only match (from the log source or the detection), when known. */
  eventCodes?: string[];
  /** Every event field the detection reads (sorted); absent when a keyword search reads the whole event. */
  reads?: string[];
}

export interface CompiledSigmaRule {
  rule: MatchRule;
  detection: CompiledSigmaDetection;
}

/** A rule that could not be loaded, and why (the construct named). */
export interface SigmaRefusal {
  file: string;
  line: number;
  title?: string;
  reason: string;
}

export interface SigmaCollection {
  rules: Rule[];
  refused: SigmaRefusal[];
}

export interface SigmaOptions {
  /** `expand` placeholders: `%name%` → values. Unknown placeholders refuse the rule. */
  placeholders?: Readonly<Record<string, readonly string[]>>;
}
