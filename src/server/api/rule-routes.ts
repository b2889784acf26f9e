import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../core/index.ts';
import type { Rule } from '../../rules/index.ts';
import { personOf } from '../auth/index.ts';
import type { ApiDependencies } from './api-dependencies.ts';
import { runBacktest } from './backtest.ts';
import { parseUploadedEvents, readStoredEvents } from './backtest-events.ts';
import type { TimedEvents } from './backtest-events.ts';
import { nameParams, text } from './route-schemas.ts';
import { toRuleView } from './rule-view.ts';
import { DAY_MS, daysEndingAt } from './utc-days.ts';

interface BacktestBody {
  thresholds: number[];
  days: number;
  events?: string;
}

const backtestBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    thresholds: {
      type: 'array',
      items: { type: 'integer', minimum: 1, maximum: 1_000_000 },
      minItems: 1,
      maxItems: 10,
      uniqueItems: true,
      default: [3, 5, 10, 20],
    },
    days: { type: 'integer', minimum: 1, maximum: 90, default: 7 },
    events: {
      type: 'string',
      description: 'log lines or NDJSON to try the rule on; without it, the events of the ingest journal',
    },
  },
} as const;

/** Uploads of events for a backtest may be larger than other requests. */
const BACKTEST_BODY_LIMIT = 16 * 1024 * 1024;

export function registerRuleRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  const ruleOf = (id: string): Rule => {
    const rule = deps.rules.list().find((candidate) => candidate.id === id);
    if (rule === undefined) throw new NotFoundError(`no rule with id "${id}"`);
    return rule;
  };
  const idParams = nameParams('id');

  api.get(
    '/rules',
    {
      config: { access: { role: 'viewer', tokenScope: 'read' } },
      schema: { tags: ['rules'], summary: 'The rules, with whether each is on (window in milliseconds)' },
    },
    async () => deps.rules.list().map((rule) => toRuleView(rule, deps.rules.isEnabled(rule.id))),
  );

  for (const [path, enabled] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    api.post<{ Params: { id: string }; Body: { reason: string } }>(
      `/rules/:id/${path}`,
      {
        config: { access: { role: 'admin' } },
        schema: {
          tags: ['rules'],
          summary: `${path} a rule; the reason is kept with who and when (GET /rules/{id}/history)`,
          params: idParams,
          body: {
            type: 'object',
            additionalProperties: false,
            required: ['reason'],
            properties: { reason: text() },
          },
        },
      },
      async (request) => {
        const rule = ruleOf(request.params.id);
        await deps.rules.setEnabled(rule.id, enabled, personOf(request).name, request.body.reason);
        return toRuleView(rule, deps.rules.isEnabled(rule.id));
      },
    );
  }

  api.get<{ Params: { id: string } }>(
    '/rules/:id/history',
    {
      config: { access: { role: 'viewer', tokenScope: 'read' } },
      schema: { tags: ['rules'], summary: 'Who switched the rule on or off, when and why', params: idParams },
    },
    async (request) => ({ items: await deps.store.ruleStates.history(ruleOf(request.params.id).id) }),
  );

  api.post<{ Params: { id: string }; Body: BacktestBody }>(
    '/rules/:id/backtest',
    {
      bodyLimit: BACKTEST_BODY_LIMIT,
      config: { access: { role: 'responder' } },
      schema: {
        tags: ['rules'],
        summary: 'Incidents per day the rule would have opened with each threshold',
        params: idParams,
        body: backtestBody,
      },
    },
    async (request) => {
      const rule = ruleOf(request.params.id);
      const { thresholds, days: count, events: uploaded } = request.body;
      const { days, start, input } = await eventsForBacktest(deps, count, uploaded);
      const series = runBacktest(rule, thresholds, input, { start, count });
      return { days, series, events: input.events.length };
    },
  );
}

/**
 * The events to try: an upload (its days end with the day of its newest event) or the ingest
 * journal (its days end today); only the events inside those days.
 */
async function eventsForBacktest(
  deps: ApiDependencies,
  count: number,
  uploaded: string | undefined,
): Promise<{ days: string[]; start: number; input: TimedEvents }> {
  if (uploaded === undefined) {
    const { days, start } = daysEndingAt(deps.now(), count);
    return { days, start, input: await readStoredEvents(deps.store, start, start + count * DAY_MS) };
  }
  const parsed = parseUploadedEvents(uploaded, deps.now());
  const newest = parsed.times[parsed.times.length - 1] ?? deps.now();
  const { days, start } = daysEndingAt(newest, count);
  const first = parsed.times.findIndex((ts) => ts >= start);
  const from = first === -1 ? parsed.times.length : first;
  return { days, start, input: { events: parsed.events.slice(from), times: parsed.times.slice(from) } };
}
