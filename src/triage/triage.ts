import type { Confidence, Priority, Severity } from '../core/index.ts';
import type { AttackTechnique } from './attack.ts';
import { describeTechnique } from './attack.ts';
import { priorityOf } from './priority.ts';

/** What a rule says about the importance of its detections. */
export interface TriageInput {
  severity: Severity;
  confidence: Confidence;
  attack: readonly string[];
}

export interface Triage {
  severity: Severity;
  confidence: Confidence;
  priority: Priority;
  attack: AttackTechnique[];
}

export function triage(input: TriageInput): Triage {
  return {
    severity: input.severity,
    confidence: input.confidence,
    priority: priorityOf(input.severity, input.confidence),
    attack: input.attack.map(describeTechnique),
  };
}
