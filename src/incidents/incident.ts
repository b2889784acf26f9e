import type { Confidence, Detection, Severity, SigmaRuleRef } from '../core/index.ts';
import type { NewIncident } from '../store/index.ts';
import { triage } from '../triage/index.ts';

/** What the incident stage needs to know of a rule, without depending on the rule format. */
export interface RuleFacts {
  title: string;
  severity: Severity;
  confidence: Confidence;
  attack: readonly string[];
  runbook?: string;
  /** `manual`: the incident stays open after its burst until a person resolves it (default `auto`). */
  resolve?: 'auto' | 'manual';
  /** Rules compiled from Sigma: the Sigma rule, to name it with the incident. */
  sigma?: SigmaRuleRef;
}

const UNKNOWN_RULE: RuleFacts = { title: '', severity: 'medium', confidence: 'medium', attack: [] };

/** The incident an opened episode becomes, before the store gives it a serial. */
export function newIncidentOf(detection: Detection, facts: RuleFacts | undefined): NewIncident {
  const rule = facts ?? { ...UNKNOWN_RULE, title: detection.ruleId };
  const incident: NewIncident = {
    episodeId: detection.episodeId,
    ruleId: detection.ruleId,
    title: rule.title,
    group: detection.group,
    count: detection.count,
    firstSeen: detection.firstSeen,
    lastSeen: detection.lastSeen,
    openedAt: detection.at,
    severity: rule.severity,
    confidence: rule.confidence,
    priority: triage(rule).priority,
    attack: [...rule.attack],
    samples: detection.samples,
  };
  if (rule.runbook) incident.runbook = rule.runbook;
  if (rule.sigma) incident.sigma = sigmaRef(rule.sigma);
  if (detection.distinct) incident.distinct = detection.distinct;
  if (detection.minutes) incident.minutes = detection.minutes;
  return incident;
}

/** Only what is shown: a rule's Sigma metadata may carry more (its log source). */
function sigmaRef(sigma: SigmaRuleRef): SigmaRuleRef {
  const { id, title, author, references, falsepositives, status, level } = sigma;
  return {
    ...(id !== undefined && { id }),
    title,
    ...(author !== undefined && { author }),
    references: [...references],
    falsepositives: [...falsepositives],
    ...(status !== undefined && { status }),
    ...(level !== undefined && { level }),
  };
}
