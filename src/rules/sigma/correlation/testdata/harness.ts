import type { Detection, SecurityEvent } from '../../../../core/index.ts';
import { createDetectionEngine } from '../../../../detection/index.ts';
import type { EventPredicate, MatchRule, Rule } from '../../../model.ts';
import { parseSigmaText } from '../../parse-sigma-text.ts';
import type { CompiledSigmaRule, SigmaDocument, SigmaLogsource } from '../../types.ts';
import { compileSigmaCorrelations } from '../index.ts';

export const T0 = Date.UTC(2024, 4, 1, 10, 0, 0);
export const SECOND = 1_000;
export const MINUTE = 60_000;

/** A Windows Security event with EventData fields, `offset` ms after T0. */
export function winEvent(offset: number, code: string, data: Record<string, string>): SecurityEvent {
  return {
    '@timestamp': new Date(T0 + offset).toISOString(),
    event: { code },
    winlog: { channel: 'Security', event_id: code, event_data: data },
  } as SecurityEvent;
}

/** A stand-in for a compiled Sigma rule: its document as written, and a hand-made predicate. */
export function base(doc: SigmaDocument, matches: EventPredicate, logsource: SigmaLogsource): { doc: SigmaDocument; compiled: CompiledSigmaRule } {
  const id = String(doc.body.id);
  const rule: MatchRule = {
    id,
    title: String(doc.body.title),
    enabled: true,
    severity: 'info',
    confidence: 'medium',
    attack: [],
    tags: [],
    matches,
    groupBy: [],
    windowMs: 5 * MINUTE,
    resolveAfterMs: 5 * MINUTE,
    source: { file: doc.file, line: doc.line },
    type: 'match',
  };
  return { doc, compiled: { rule, detection: { matches, logsource } } };
}

export const codeIs =
  (code: string): EventPredicate =>
  (event) =>
    event.event.code === code;

/**
 * Compiles a Sigma text whose detection rules get the predicates of `predicates` (by rule name),
 * and returns the Klaxon rules that would run (hidden referenced rules left out) and refusals.
 */
export function compileText(text: string, predicates: Record<string, EventPredicate>) {
  const docs = parseSigmaText(text, 'corr.yml');
  const windows = { product: 'windows', service: 'security' };
  const loaded = docs
    .filter((doc) => doc.kind === 'rule')
    .map((doc) => base(doc, predicates[String(doc.body.name)] ?? (() => false), windows));
  const compiled = compileSigmaCorrelations(docs, loaded);
  const rules: Rule[] = [
    ...loaded.map((entry) => entry.compiled.rule).filter((rule) => !compiled.hidden.has(rule.id)),
    ...compiled.rules,
  ];
  return { rules, refused: compiled.refused, correlations: compiled.rules };
}

export function run(rules: Rule[], events: SecurityEvent[]): Detection[] {
  const detections: Detection[] = [];
  const engine = createDetectionEngine({ rules, emit: (d) => detections.push(d) });
  for (const event of events) engine.push(event);
  engine.flush();
  return detections;
}

export const openedBy = (detections: Detection[], ruleId: string): Detection[] =>
  detections.filter((d) => d.state === 'opened' && d.ruleId === ruleId);
