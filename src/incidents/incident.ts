import type { Confidence, Detection, Priority, SecurityEvent, Severity } from '../core/index.ts';
import type { AttackTechnique } from '../triage/index.ts';

/** The ticket for one episode of one rule on one group key. */
export interface Incident {
  /** Gap-free, in the order incidents opened: #1, #2, ... */
  serial: number;
  episodeId: string;
  ruleId: string;
  title: string;
  status: 'open' | 'resolved';
  group: Record<string, string>;
  count: number;
  firstSeen: number;
  lastSeen: number;
  openedAt: number;
  resolvedAt?: number;
  severity: Severity;
  confidence: Confidence;
  priority: Priority;
  attack: AttackTechnique[];
  runbook?: string;
  samples: SecurityEvent[];
  distinct?: Detection['distinct'];
  /** The serial of the previous incident of the same rule and group, when there was one. */
  previousSerial?: number;
}

/** What the incident stage needs to know of a rule, without depending on the rule format. */
export interface RuleFacts {
  title: string;
  severity: Severity;
  confidence: Confidence;
  attack: readonly string[];
  runbook?: string;
}
