import { LineCounter, parseDocument } from 'yaml';
import type { ValidationIssue } from '../../core/index.ts';
import type { YamlSource } from './locate.ts';
import { checkDuplicateKeys } from './duplicate-keys.ts';
import { checkYamlAliases, convertYamlError } from './yaml-limits.ts';

export interface ParsedDocument {
  source: YamlSource;
  /** YAML syntax errors and warnings (several documents, duplicate keys, bad indentation). */
  issues: ValidationIssue[];
}

/** Parses a single-document YAML file, keeping node positions for later issues. */
export function parseConfigDocument(text: string, file: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  const source: YamlSource = { file, doc, lineCounter };
  const issues = [...doc.errors, ...doc.warnings].map((error) => convertYamlError(error, source));
  const aliases = doc.errors.length === 0 ? checkYamlAliases(source) : undefined;
  if (aliases) issues.push(aliases);
  if (doc.errors.length === 0) issues.push(...checkDuplicateKeys(source));
  return { source, issues };
}
