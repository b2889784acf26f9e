import * as z from 'zod';
import { CONFIDENCES, SEVERITIES, parseDuration } from '../core/index.ts';
import { FIELD_PATH_HINT, isFieldPath } from './field-path.ts';
import { RESOLVE_MODES, RULE_TYPES } from './model.ts';
import type { RuleType } from './model.ts';

/** Zod schemas of a rule as written in YAML; `where`-like fields are compiled separately. */

export const RULE_ID = /^[a-z0-9][a-z0-9._-]*$/;
const ATTACK_ID = /^T\d{4}(\.\d{3})?$/;
const DURATION_HINT = 'expected a duration like `30s`, `5m`, `1h`';

const fieldPath = z.string().refine(isFieldPath, { message: FIELD_PATH_HINT });

function duration(options: { allowZero: boolean }) {
  return z.union([z.string(), z.number()], { error: DURATION_HINT }).transform((value, ctx) => {
    const ms = typeof value === 'number' ? (value === 0 ? 0 : undefined) : parseDuration(value);
    if (ms === undefined) {
      const hint = typeof value === 'number' ? `; a bare number needs a unit, e.g. \`${value}s\`` : '';
      ctx.addIssue({ code: 'custom', message: `${DURATION_HINT}${hint}` });
      return z.NEVER;
    }
    if (ms === 0 && !options.allowZero) {
      ctx.addIssue({ code: 'custom', message: 'must be longer than zero' });
      return z.NEVER;
    }
    return ms;
  });
}

const positiveInt = z.int().min(1);
const scalarText = z
  .union([z.string(), z.number(), z.boolean()], { error: 'expected a single value' })
  .transform(String);

const common = {
  id: z
    .string()
    .regex(RULE_ID, 'must start with a lowercase letter or digit and use only a-z, 0-9, `.`, `_`, `-`'),
  title: z.string().trim().min(1),
  description: z.string().optional(),
  enabled: z.boolean().default(true),
  type: z.enum(RULE_TYPES),
  where: z.unknown().optional(),
  unless: z.unknown().optional(),
  group_by: z
    .union([fieldPath, z.array(fieldPath)], { error: 'expected a field path or a list of field paths' })
    .transform((value) => (typeof value === 'string' ? [value] : value))
    .optional(),
  window: duration({ allowZero: false }).optional(),
  resolve_after: duration({ allowZero: true }).optional(),
  /** `manual`: the incident stays open after the burst until a person resolves it. */
  resolve: z.enum(RESOLVE_MODES).default('auto'),
  /** The same as `resolve_after` (its newer name): quiet this long and the burst is over. */
  auto_resolve_after: duration({ allowZero: true }).optional(),
  cooldown: duration({ allowZero: true }).optional(),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(CONFIDENCES).default('medium'),
  attack: z
    .array(z.string().regex(ATTACK_ID, 'expected an ATT&CK technique id like `T1110` or `T1110.001`'))
    .default([]),
  runbook: z.string().optional(),
  tags: z.array(z.string()).default([]),
};

const requiredWindow = duration({ allowZero: false });

const stepSchema = z.object({
  name: z.string().trim().min(1).optional(),
  where: z.unknown().optional(),
  count: positiveInt.default(1),
});

export const RULE_SCHEMAS = {
  threshold: z.object({
    ...common,
    type: z.literal('threshold'),
    window: requiredWindow,
    threshold: positiveInt,
  }),
  cardinality: z.object({
    ...common,
    type: z.literal('cardinality'),
    window: requiredWindow,
    threshold: positiveInt,
    distinct: fieldPath,
  }),
  sequence: z.object({
    ...common,
    type: z.literal('sequence'),
    steps: z.array(stepSchema).min(2),
    within: duration({ allowZero: false }).optional(),
  }),
  match: z.object({ ...common, type: z.literal('match') }),
  absence: z.object({
    ...common,
    type: z.literal('absence'),
    window: requiredWindow,
    expect: z.array(z.record(z.string(), scalarText)).optional(),
  }),
} satisfies Record<RuleType, z.ZodType>;

/** Used when `type` is missing or wrong: still checks the fields every rule has. */
export const COMMON_SCHEMA = z.object(common);

export type RuleInput = { [T in RuleType]: z.output<(typeof RULE_SCHEMAS)[T]> }[RuleType];

export const COMMON_FIELDS = Object.keys(common);
export const STEP_FIELDS = Object.keys(stepSchema.shape);

/** Fields only some rule types take, and which. */
export const TYPE_FIELDS: Readonly<Record<string, readonly RuleType[]>> = {
  threshold: ['threshold', 'cardinality'],
  distinct: ['cardinality'],
  steps: ['sequence'],
  within: ['sequence'],
  expect: ['absence'],
};

export const ALL_FIELDS = [...COMMON_FIELDS, ...Object.keys(TYPE_FIELDS)];
