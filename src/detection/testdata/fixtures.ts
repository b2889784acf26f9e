import type { Detection, SecurityEvent } from '../../core/index.ts';
import type { Rule, RuleCommon } from '../../rules/index.ts';
import { createDetectionEngine } from '../engine.ts';

export const T0 = Date.UTC(2024, 0, 15, 10, 0, 0);
export const SECOND = 1_000;
export const MINUTE = 60_000;

export function authEvent(
  offsetMs: number,
  fields: { outcome?: 'success' | 'failure'; user?: string; ip?: string; host?: string } = {},
): SecurityEvent {
  return {
    '@timestamp': new Date(T0 + offsetMs).toISOString(),
    event: { category: ['authentication'], outcome: fields.outcome ?? 'failure', original: `t+${offsetMs}` },
    user: { name: fields.user ?? 'root' },
    source: { ip: fields.ip ?? '203.0.113.9' },
    host: { name: fields.host ?? 'web-1' },
  };
}

const failure = (event: SecurityEvent): boolean => event.event.outcome === 'failure';
const success = (event: SecurityEvent): boolean => event.event.outcome === 'success';

const common: Omit<RuleCommon, 'id'> = {
  title: 'test rule',
  enabled: true,
  severity: 'high',
  confidence: 'medium',
  attack: ['T1110'],
  tags: [],
  matches: failure,
  groupBy: ['source.ip'],
  windowMs: 5 * MINUTE,
  resolveAfterMs: 5 * MINUTE,
  source: { file: 'test.yml', line: 1 },
};

export function thresholdRule(overrides: Partial<Extract<Rule, { type: 'threshold' }>> = {}): Rule {
  return { ...common, id: 'brute', type: 'threshold', threshold: 5, ...overrides };
}

export function cardinalityRule(overrides: Partial<Extract<Rule, { type: 'cardinality' }>> = {}): Rule {
  return { ...common, id: 'spray', type: 'cardinality', distinct: 'user.name', threshold: 5, ...overrides };
}

export function sequenceRule(overrides: Partial<Extract<Rule, { type: 'sequence' }>> = {}): Rule {
  return {
    ...common,
    id: 'fail-then-success',
    type: 'sequence',
    matches: () => true,
    groupBy: ['user.name'],
    windowMs: 10 * MINUTE,
    resolveAfterMs: 10 * MINUTE,
    steps: [
      { name: 'failures', matches: failure, count: 5 },
      { name: 'success', matches: success, count: 1 },
    ],
    ...overrides,
  };
}

export function matchRule(overrides: Partial<Extract<Rule, { type: 'match' }>> = {}): Rule {
  return { ...common, id: 'any-failure', type: 'match', ...overrides };
}

export function absenceRule(overrides: Partial<Extract<Rule, { type: 'absence' }>> = {}): Rule {
  return {
    ...common,
    id: 'silent-host',
    type: 'absence',
    matches: () => true,
    groupBy: ['host.name'],
    windowMs: 10 * MINUTE,
    resolveAfterMs: 0,
    expect: [],
    ...overrides,
  };
}

/** Runs events through a fresh engine and returns every detection it emitted, in order. */
export function detect(rules: Rule[], events: SecurityEvent[], toleranceMs = 2 * SECOND): Detection[] {
  const detections: Detection[] = [];
  const engine = createDetectionEngine({ rules, emit: (d) => detections.push(d), toleranceMs });
  for (const event of events) engine.push(event);
  engine.flush();
  return detections;
}

export const opened = (detections: Detection[]): Detection[] => detections.filter((d) => d.state === 'opened');
export const resolved = (detections: Detection[]): Detection[] =>
  detections.filter((d) => d.state === 'resolved');
