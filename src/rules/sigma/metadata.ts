import { ownValue } from './own-value.ts';
import { basename, extname } from 'node:path';
import type { Confidence, Severity } from '../../core/index.ts';
import type { RuleCommon, SigmaMetadata } from '../model.ts';
import { SigmaRuleError } from './sigma-error.ts';
import type { SigmaDocument, SigmaLogsource } from './types.ts';

/** Sigma `level` → Klaxon severity. No level: medium. */
export const LEVEL_SEVERITY: Readonly<Record<string, Severity>> = {
  informational: 'info',
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'critical',
};

/** Sigma `status` → Klaxon confidence: how far the rule has been tried. No status: medium. */
export const STATUS_CONFIDENCE: Readonly<Record<string, Confidence>> = {
  stable: 'high',
  test: 'medium',
  experimental: 'low',
  deprecated: 'low',
  unsupported: 'low',
};

const ATTACK_TAG = /^attack\.(t\d{4}(?:\.\d{3})?)$/i;
const KLAXON_ID = /^[a-z0-9][a-z0-9._-]*$/;

type Common = Omit<RuleCommon, 'matches' | 'prefilter' | 'source'>;

/** The rule's descriptive fields: Klaxon's common fields and the Sigma metadata kept as written. */
export function readSigmaMetadata(
  doc: SigmaDocument,
  origin: { file: string; line: number },
): { common: Common; sigma: SigmaMetadata } {
  const body = doc.body;
  const fail = (field: string, reason: string): never => {
    throw new SigmaRuleError(origin.file, doc.lineOf([field]), field, reason);
  };
  const title = optionalText(body, 'title', fail) ?? fail('title', 'missing `title`');
  const level = optionalText(body, 'level', fail)?.toLowerCase();
  const status = optionalText(body, 'status', fail)?.toLowerCase();
  const severity = level === undefined ? 'medium' : ownValue(LEVEL_SEVERITY, level);
  if (severity === undefined)
    fail('level', `unknown level \`${level}\`; expected one of ${Object.keys(LEVEL_SEVERITY).join(', ')}`);
  const confidence = status === undefined ? 'medium' : ownValue(STATUS_CONFIDENCE, status);
  if (confidence === undefined)
    fail(
      'status',
      `unknown status \`${status}\`; expected one of ${Object.keys(STATUS_CONFIDENCE).join(', ')}`,
    );
  const tags = textList(body, 'tags', fail);
  const id = optionalText(body, 'id', fail);
  const description = optionalText(body, 'description', fail);
  const author = optionalText(body, 'author', fail);
  const sigma: SigmaMetadata = {
    ...(id !== undefined && { id }),
    title,
    ...(author !== undefined && { author }),
    references: textList(body, 'references', fail),
    falsepositives: textList(body, 'falsepositives', fail),
    ...(status !== undefined && { status }),
    ...(level !== undefined && { level }),
    logsource: readLogsource(body.logsource),
  };
  const common: Common = {
    id: klaxonId(id, origin),
    title,
    ...(description !== undefined && { description }),
    enabled: true,
    severity: severity as Severity,
    confidence: confidence as Confidence,
    attack: attackIds(tags),
    tags,
    groupBy: [],
    windowMs: 5 * 60_000,
    resolveAfterMs: 5 * 60_000,
    sigma,
  };
  return { common, sigma };
}

export function readLogsource(value: unknown): SigmaLogsource {
  const source = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const logsource: SigmaLogsource = {};
  for (const key of ['product', 'category', 'service'] as const) {
    const text = source[key];
    if (typeof text === 'string' && text !== '') logsource[key] = text.toLowerCase();
  }
  return logsource;
}

function attackIds(tags: readonly string[]): string[] {
  const ids = tags.map((tag) => ATTACK_TAG.exec(tag)?.[1]?.toUpperCase()).filter((id) => id !== undefined);
  return [...new Set(ids)];
}

/** The Sigma id when it fits Klaxon's id syntax (UUIDs do), else one made from the file name. */
function klaxonId(id: string | undefined, origin: { file: string; line: number }): string {
  const lowered = id?.toLowerCase();
  if (lowered !== undefined && KLAXON_ID.test(lowered)) return lowered;
  const stem = basename(origin.file, extname(origin.file))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-');
  return `sigma-${stem.replace(/^[^a-z0-9]+/, '')}-${origin.line}`;
}

type Fail = (field: string, reason: string) => never;

function optionalText(body: Record<string, unknown>, key: string, fail: Fail): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fail(key, `expected text, got ${Array.isArray(value) ? 'a list' : 'a map'}`);
}

function textList(body: Record<string, unknown>, key: string, fail: Fail): string[] {
  const value = body[key];
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => {
    if (typeof item === 'string' || typeof item === 'number') return String(item);
    return fail(key, 'expected a list of text');
  });
}
