import type { Confidence, SecurityEvent, Severity, SigmaRuleRef } from '../core/index.ts';

/** A compiled, validated rule: what the detection engine runs. Built by the rule loader from YAML. */
export type Rule = ThresholdRule | CardinalityRule | SequenceRule | MatchRule | AbsenceRule;
export type RuleType = Rule['type'];
export const RULE_TYPES = ['threshold', 'cardinality', 'sequence', 'match', 'absence'] as const;

/** How an incident of the rule ends: by itself when the burst is over, or only by a person. */
export const RESOLVE_MODES = ['auto', 'manual'] as const;
export type ResolveMode = (typeof RESOLVE_MODES)[number];

export type EventPredicate = (event: SecurityEvent) => boolean;

export interface RuleCommon {
  id: string;
  title: string;
  description?: string;
  enabled: boolean;
  severity: Severity;
  confidence: Confidence;
  /** MITRE ATT&CK technique ids, e.g. `T1110.001`. */
  attack: string[];
  runbook?: string;
  tags: string[];
  /** `where` holds and no `unless` holds. */
  matches: EventPredicate;
  /**
   * Every field `matches`, the group key and the distinct field read (dotted paths): a reader may
   * give the engine events that hold only these. Undefined for a rule built without the loader.
   */
  reads?: string[];
  /** A necessary condition for `matches`, cheap to index: lets the engine skip the rule for most events. */
  prefilter?: Prefilter;
  /** A second necessary condition, on text: one of the gates is open (one of its literals occurs). */
  literals?: LiteralGate[];
  /** Fields whose values form the group key; an event lacking any of them is not counted by the rule. */
  groupBy: string[];
  /**
   * Events some predicate matches read the group from other fields (parallel to `groupBy`): one
   * group over events that name it differently (Sigma correlation `aliases`). First match wins.
   */
  groupAliases?: GroupAlias[];
  /** Sliding window (for `sequence`: the span all steps must fall in). */
  windowMs: number;
  /** How long the condition must stay false before the episode resolves (default: the window). */
  resolveAfterMs: number;
  /** `manual`: when the episode ends the incident stays open (quiet) until a person resolves it. */
  resolve?: ResolveMode;
  /** No new notification for the same incident within this time (used by the notify stages). */
  cooldownMs?: number;
  /** Where the rule was defined, for messages. */
  source: { file: string; line: number };
  /** Present when the rule was compiled from a Sigma rule: what messages and the dashboard show. */
  sigma?: SigmaMetadata;
}

/** A Sigma rule's descriptive fields, kept as written: what is shown of it, and its log source. */
export interface SigmaMetadata extends SigmaRuleRef {
  logsource: { product?: string; category?: string; service?: string };
}

/**
 * The rule can only match events whose `field`, as lowercased text (or any element of a list),
 * is one of `values`. Derived from plain equality conditions of `where`.
 */
export interface Prefilter {
  field: string;
  values: string[];
}

/**
 * The rule can only match events where the lowercased text of one of `fields` contains one of
 * `values` (already lowercased). Lets one scan of an event's text rule out thousands of rules.
 */
export interface LiteralGate {
  fields: string[];
  values: string[];
}

export interface GroupAlias {
  matches: EventPredicate;
  /** Parallel to `groupBy`: a path, or candidate paths of which the first present is read. */
  fields: (string | string[])[];
}

export interface ThresholdRule extends RuleCommon {
  type: 'threshold';
  /** Fires when at least this many matching events fall inside the trailing window. */
  threshold: number;
}

export interface CardinalityRule extends RuleCommon {
  type: 'cardinality';
  /** The field whose distinct values are counted per group key (e.g. `user.name`). */
  distinct: string;
  threshold: number;
}

export interface SequenceStep {
  name: string;
  matches: EventPredicate;
  /** How many matching events this step needs (default 1). */
  count: number;
}

export interface SequenceRule extends RuleCommon {
  type: 'sequence';
  /** Ordered steps, all inside `windowMs` of the first step's first counted event. */
  steps: SequenceStep[];
  /**
   * Any order (Sigma's `temporal`): holds when `required` of the steps (default all) each saw an
   * event within `windowMs` of the newest; `count` of the steps is then 1.
   */
  unordered?: { required: number };
}

export interface MatchRule extends RuleCommon {
  type: 'match';
}

export interface AbsenceRule extends RuleCommon {
  type: 'absence';
  /** Keys expected to report even if never seen (group field → value); others are learnt from events. */
  expect: Record<string, string>[];
}
