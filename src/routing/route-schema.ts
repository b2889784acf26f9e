import * as z from 'zod';
import { PERSON_ACTIONS, PRIORITIES, parseDuration } from '../core/index.ts';
import { parseCron } from './cron-schedule.ts';
import { escalateSchema } from './escalate-schema.ts';
import { DETAIL_LEVELS, ROUTE_NOTIFY_KINDS, isCatchAll, type Route } from './routes.ts';

const ROUTE_FIELDS = [
  'name',
  'match',
  'channels',
  'detail',
  'notify',
  'person_actions',
  'continue',
  'digest',
  'group_by',
  'group_wait',
  'group_interval',
  'repeat_interval',
  'escalate',
];
const GROUP_TIMERS = ['group_wait', 'group_interval', 'repeat_interval'] as const;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const LABEL = /^[A-Za-z0-9_@][A-Za-z0-9_@.-]*$/;
const PRIORITY_SET = new Set<string>(PRIORITIES);

const scalar = z
  .union([z.string(), z.number(), z.boolean()], { error: 'expected a value or a list of values' })
  .transform(String);

const matchValues = z
  .union([scalar, z.array(scalar).min(1, 'needs at least one value')], {
    error: 'expected a value or a list of values',
  })
  .transform((value) => (Array.isArray(value) ? value : [value]));

const match = z
  .record(z.string().regex(LABEL), matchValues, {
    error: (issue) =>
      issue.code === 'invalid_key'
        ? `\`${String(issue.input)}\` is not \`priority\`, \`rule\` or a group field like \`source.ip\``
        : 'expected a map of `priority`, `rule` or group fields to values, e.g. { priority: [P1, P2] }',
  })
  .superRefine((matchers, ctx) => {
    for (const value of matchers['priority'] ?? []) {
      if (PRIORITY_SET.has(value)) continue;
      const hint = PRIORITY_SET.has(value.toUpperCase()) ? ` (did you mean ${value.toUpperCase()}?)` : '';
      ctx.addIssue({
        code: 'custom',
        path: ['priority'],
        message: `expected one of ${PRIORITIES.join(', ')}, got \`${value}\`${hint}`,
      });
    }
  });

function uniqueList<T extends z.ZodType<string>>(item: T, what: string) {
  return z
    .array(item, { error: `expected a list of ${what}` })
    .min(1, `needs at least one of ${what}`)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      for (const [index, value] of items.entries()) {
        if (seen.has(value))
          ctx.addIssue({ code: 'custom', path: [index], message: `\`${value}\` is listed twice` });
        seen.add(value);
      }
    });
}

const cron = z
  .string({ error: 'expected a cron schedule like "0 8 * * *" (UTC)' })
  .superRefine((text, ctx) => {
    const parsed = parseCron(text);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `${parsed.message} (five-field cron, UTC)` });
  });

const duration = z.string({ error: 'expected a duration like 30s, 5m or 4h' }).transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === undefined || !(ms > 0)) {
    ctx.addIssue({ code: 'custom', message: `expected a duration like 30s, 5m or 4h, got \`${text}\`` });
    return z.NEVER;
  }
  return ms;
});

const groupBy = uniqueList(
  z
    .string({ error: 'expected a label name' })
    .regex(/^(\.\.\.|[A-Za-z0-9_@][A-Za-z0-9_@.-]*)$/, 'expected `rule`, `priority`, a group field or `...`'),
  'labels',
).superRefine((labels, ctx) => {
  if (labels.includes('...') && labels.length > 1)
    ctx.addIssue({ code: 'custom', message: '`...` groups by every label: list it alone' });
});

/** One entry of `routes:`; unknown fields are refused so a typo like `contiue` does not go unnoticed. */
export const routeSchema = z.strictObject(
  {
    name: z.string().regex(NAME, 'use letters, digits, `.`, `_` and `-`').optional(),
    match: match.default({}),
    channels: uniqueList(
      z.string({ error: 'expected a channel name' }).min(1, 'a channel name must not be empty'),
      'channel names',
    ),
    detail: z.enum(DETAIL_LEVELS, { error: 'expected `full` or `link`' }).default('full'),
    notify: uniqueList(
      z.enum(ROUTE_NOTIFY_KINDS, { error: `expected one of ${ROUTE_NOTIFY_KINDS.join(', ')}` }),
      ROUTE_NOTIFY_KINDS.join(', '),
    ).default([...ROUTE_NOTIFY_KINDS]),
    // Which people's actions (acknowledge, assign, ...) the route's channels hear of; default all.
    person_actions: uniqueList(
      z.enum(PERSON_ACTIONS, { error: `expected one of ${PERSON_ACTIONS.join(', ')}` }),
      PERSON_ACTIONS.join(', '),
    ).default([...PERSON_ACTIONS]),
    continue: z.boolean({ error: 'expected `true` or `false`' }).default(false),
    digest: cron.optional(),
    group_by: groupBy.optional(),
    group_wait: duration.optional(),
    group_interval: duration.optional(),
    repeat_interval: duration.optional(),
    escalate: escalateSchema(duration).optional(),
  },
  {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        return `unknown field ${issue.keys.map((key) => `\`${key}\``).join(', ')}; a route has ${ROUTE_FIELDS.join(', ')}`;
      }
      if (issue.code === 'invalid_type') return 'expected a map with `match` and `channels`';
      return undefined;
    },
  },
);

/**
 * The `routes:` list of klaxon.yaml. Names default to `route-<position>` and must be unique, and
 * a route after a catch-all route that does not `continue` could never match, so it is refused.
 */
export const routesSchema = z
  .array(routeSchema, { error: 'expected a list of routes' })
  .superRefine((routes, ctx) => {
    for (const [index, route] of routes.entries()) {
      for (const timer of GROUP_TIMERS) {
        if (route[timer] !== undefined && route.group_by === undefined)
          ctx.addIssue({ code: 'custom', path: [index, timer], message: `\`${timer}\` needs \`group_by\`` });
      }
      if (route.group_by !== undefined && route.digest !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [index, 'group_by'],
          message: 'a route either groups (`group_by`) or collects a `digest`, not both',
        });
    }
  })
  .transform((routes): Route[] => routes.map(toRoute))
  .superRefine((routes, ctx) => {
    const seen = new Set<string>();
    let catchAll: Route | undefined;
    for (const [index, route] of routes.entries()) {
      if (seen.has(route.name)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'name'],
          message: `route name \`${route.name}\` is used twice`,
        });
      }
      seen.add(route.name);
      if (catchAll) {
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `never reached: route \`${catchAll.name}\` before it matches every incident and does not continue`,
        });
      } else if (isCatchAll(route) && !route.continue) {
        catchAll = route;
      }
    }
  });

export type RouteInput = z.input<typeof routeSchema>;

function toRoute(parsed: z.output<typeof routeSchema>, index: number): Route {
  const {
    digest,
    group_by,
    group_wait,
    group_interval,
    repeat_interval,
    escalate,
    person_actions,
    ...route
  } = parsed;
  return {
    ...route,
    personActions: person_actions,
    name: route.name ?? `route-${index + 1}`,
    ...(digest !== undefined && { digest }),
    ...(escalate !== undefined && { escalate }),
    ...(group_by !== undefined && {
      grouping: {
        by: group_by,
        waitMs: group_wait ?? 30_000,
        intervalMs: group_interval ?? 300_000,
        repeatMs: repeat_interval ?? 14_400_000,
      },
    }),
  };
}

/** Channels the routes name that are not configured, as `[route index, 'channels', i]` paths. */
export function findUnknownChannels(
  routes: readonly Route[],
  known: ReadonlySet<string>,
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  for (const [index, route] of routes.entries()) {
    for (const [position, channel] of route.channels.entries()) {
      if (known.has(channel)) continue;
      const names = [...known].sort().join(', ') || 'none';
      issues.push({
        path: [index, 'channels', position],
        message: `no channel named \`${channel}\` is configured (configured: ${names})`,
      });
    }
  }
  return issues;
}
