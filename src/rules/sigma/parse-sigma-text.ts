import { LineCounter, isMap, parseAllDocuments } from 'yaml';
import type { Node } from 'yaml';
import { isObject } from '../../core/index.ts';
import {
  checkDuplicateKeys,
  checkYamlAliases,
  checkYamlSize,
  convertYamlError,
  locate,
  positionOf,
  yamlToJs,
} from '../../config/index.ts';
import type { YamlSource } from '../../config/index.ts';
import { applyCollectionActions } from './collection-actions.ts';
import type { SigmaDocument, SigmaDocumentKind, SigmaPath } from './types.ts';

/**
 * Splits a Sigma file into its YAML documents (`---`). A document that is not valid YAML, or
 * not a map, comes back as kind `invalid` with the line and reason, so one bad document does
 * not hide the others.
 */
export function parseSigmaText(text: string, file: string): SigmaDocument[] {
  const tooLarge = checkYamlSize(text, file);
  if (tooLarge) return [invalid(file, tooLarge.line ?? 1, tooLarge.message)];
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const documents: SigmaDocument[] = [];
  for (const doc of parsed) {
    const source: YamlSource = { file, doc, lineCounter };
    const problem =
      [...doc.errors].map((error) => convertYamlError(error, source))[0] ??
      checkYamlAliases(source) ??
      checkDuplicateKeys(source)[0];
    if (problem) {
      documents.push(invalid(file, problem.line ?? 1, problem.message));
      continue;
    }
    if (doc.contents === null) continue;
    documents.push(readDocument(source, doc.contents as Node));
  }
  return applyCollectionActions(documents, sigmaKindOf);
}

/** Sigma: `logsource` with `detection`, or a `correlation`, or a `filter` section. */
export function isSigmaDocument(doc: unknown): boolean {
  return sigmaKindOf(doc) !== 'unknown';
}

function sigmaKindOf(doc: unknown): SigmaDocumentKind {
  if (!isObject(doc)) return 'unknown';
  if (isObject(doc.correlation)) return 'correlation';
  if (isObject(doc.filter) && isObject(doc.logsource)) return 'filter';
  if (isObject(doc.logsource) && isObject(doc.detection)) return 'rule';
  return 'unknown';
}

function readDocument(source: YamlSource, root: Node): SigmaDocument {
  const line = positionOf(source, root)?.line ?? 1;
  const lineOf = (path: SigmaPath): number => locate(source, root, path, 'key')?.line ?? line;
  if (!isMap(root)) {
    return {
      ...invalid(source.file, line, 'expected a Sigma rule (a map with `title`, `logsource`, `detection`)'),
      lineOf,
    };
  }
  const plain = yamlToJs(source, root);
  if (!plain.ok) return { ...invalid(source.file, plain.issue.line ?? line, plain.issue.message), lineOf };
  const body = plain.value as Record<string, unknown>;
  return { kind: sigmaKindOf(body), body, file: source.file, line, lineOf };
}

function invalid(file: string, line: number, message: string): SigmaDocument {
  return { kind: 'invalid', body: {}, file, line, lineOf: () => line, error: { line, message } };
}
