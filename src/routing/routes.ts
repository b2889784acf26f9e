import type { Incident, PersonActionName } from '../core/index.ts';

export const DETAIL_LEVELS = ['full', 'link'] as const;
/** `full`: the whole incident. `link`: only "incident #42, P1, open the dashboard". */
export type DetailLevel = (typeof DETAIL_LEVELS)[number];

export const ROUTE_NOTIFY_KINDS = ['opened', 'updated', 'resolved'] as const;
/** Lifecycle messages a route asks for; flapping notices follow `opened` and `resolved`. */
export type RouteNotifyKind = (typeof ROUTE_NOTIFY_KINDS)[number];

/**
 * One entry of `routes:` in klaxon.yaml, as the schema leaves it: defaults filled in, every
 * matcher a list. Matcher names are `priority`, `rule` (rule ids) or a group field (`source.ip`);
 * an incident matches when every named label has one of the listed values.
 */
export interface Route {
  /** Given, or `route-<position>` (1-based); digests are collected per route name and channel. */
  name: string;
  match: Readonly<Record<string, readonly string[]>>;
  channels: readonly string[];
  detail: DetailLevel;
  notify: readonly RouteNotifyKind[];
  /** People's actions its channels hear of (`person_actions`); absent: all of them. */
  personActions?: readonly PersonActionName[];
  /** Go on to the next routes after this one matched (Alertmanager's `continue`). */
  continue: boolean;
  /** Five-field UTC cron: matching incidents go into a scheduled digest instead of one by one. */
  digest?: string;
  /** Steps taken while an incident of the route stays unacknowledged (`escalate:`), by `afterMs`. */
  escalate?: readonly EscalationStep[];
  /** `group_by` and its timers: matching incidents go out together, one message per group. */
  grouping?: RouteGrouping;
}

/** One step of a route's `escalate:` list. */
export interface EscalationStep {
  /** Since the opening notification. */
  afterMs: number;
  channels: readonly string[];
  /** How many times the step is sent (default 1), `everyMs` apart. */
  repeat: number;
  everyMs: number;
}

/** Alertmanager's grouping of a route, its defaults filled in. */
export interface RouteGrouping {
  /** Labels (`rule`, `priority`, group fields) whose values form a group; `['...']`: all of them. */
  by: readonly string[];
  /** A new group collects this long before its first message (`group_wait`, default 30s). */
  waitMs: number;
  /** Changes of a group go out at most this often (`group_interval`, default 5m). */
  intervalMs: number;
  /** An unchanged group with open incidents is repeated after this long (`repeat_interval`, default 4h). */
  repeatMs: number;
}

export interface RouteMatch {
  route: Route;
  /** Position of the route in the list, from 0. */
  index: number;
}

type RouteTest = (incident: Pick<Incident, 'ruleId' | 'priority' | 'group'>) => boolean;

const compiled = new WeakMap<Route, RouteTest>();

/**
 * The routes an incident takes, in order, as Alertmanager walks sibling routes: every route is
 * tried in turn, and the first match ends the walk unless that route says `continue: true`.
 * An empty result means no route wants the incident; the caller counts it as unrouted.
 */
export function matchRoutes(
  incident: Pick<Incident, 'ruleId' | 'priority' | 'group'>,
  routes: readonly Route[],
): RouteMatch[] {
  const matches: RouteMatch[] = [];
  for (let index = 0; index < routes.length; index++) {
    const route = routes[index] as Route;
    if (!testOf(route)(incident)) continue;
    matches.push({ route, index });
    if (!route.continue) break;
  }
  return matches;
}

/** A route with no matchers takes every incident. */
export function isCatchAll(route: Pick<Route, 'match'>): boolean {
  return Object.keys(route.match).length === 0;
}

function testOf(route: Route): RouteTest {
  let test = compiled.get(route);
  if (test === undefined) {
    test = compileRouteTest(route.match);
    compiled.set(route, test);
  }
  return test;
}

function compileRouteTest(match: Route['match']): RouteTest {
  const checks = Object.entries(match).map(([label, values]) => {
    const wanted = new Set(values);
    // Labels as silences and grouping read them: `rule`, `priority`, else a group field.
    if (label === 'rule') return (incident: Parameters<RouteTest>[0]) => wanted.has(incident.ruleId);
    if (label === 'priority') return (incident: Parameters<RouteTest>[0]) => wanted.has(incident.priority);
    return (incident: Parameters<RouteTest>[0]) => {
      const value = incident.group[label];
      return value !== undefined && wanted.has(value);
    };
  });
  return (incident) => {
    for (const check of checks) if (!check(incident)) return false;
    return true;
  };
}
