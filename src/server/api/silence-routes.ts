import type { FastifyInstance } from 'fastify';
import { parseDuration, ValidationError } from '../../core/index.ts';
import type { ValidationIssue } from '../../core/index.ts';
import { noise } from '../../incidents/index.ts';
import type { SilenceMatcher } from '../../store/index.ts';
import { personOf } from '../auth/index.ts';
import type { ApiDependencies } from './api-dependencies.ts';
import { nameParams, text } from './route-schemas.ts';
import { incidentsMatched, unknownFieldWarnings } from './silence-preview.ts';

interface NewSilenceBody {
  matchers: SilenceMatcher[];
  startsAt?: number;
  endsAt?: number;
  duration?: string;
  comment: string;
}

const DEFAULT_DURATION_MS = 3_600_000;

const newSilenceBody = {
  type: 'object',
  required: ['matchers', 'comment'],
  additionalProperties: false,
  properties: {
    matchers: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: {
        type: 'object',
        required: ['field', 'value'],
        additionalProperties: false,
        properties: {
          field: {
            type: 'string',
            pattern: '^[A-Za-z0-9_.@-]{1,100}$',
            description: '`rule` or a group field',
          },
          value: { type: 'string', minLength: 1, maxLength: 500 },
          regex: { type: 'boolean' },
        },
      },
    },
    startsAt: { type: 'integer', minimum: 0, description: 'epoch ms; default now' },
    endsAt: { type: 'integer', minimum: 0, description: 'epoch ms; or give duration' },
    duration: { type: 'string', maxLength: 20, description: "e.g. '2h' (default 1h)" },
    comment: text(),
  },
} as const;

export function registerSilenceRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  api.get<{ Querystring: { active?: boolean } }>(
    '/silences',
    {
      config: { access: { role: 'viewer', tokenScope: 'read' } },
      schema: {
        tags: ['silences'],
        summary: 'Silences; with active=true only those in force now',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { active: { type: 'boolean' } },
        },
      },
    },
    (request) => deps.store.silences.list(request.query.active ? { activeAt: deps.now() } : {}),
  );

  api.post<{ Body: NewSilenceBody }>(
    '/silences',
    {
      config: { access: { role: 'responder' } },
      schema: {
        tags: ['silences'],
        summary: 'Silence incidents that match every matcher, for a while',
        body: newSilenceBody,
      },
    },
    async (request) => {
      const now = deps.now();
      const body = request.body;
      const { startsAt, endsAt } = silenceTimes(body, now);
      return deps.store.silences.add(
        {
          matchers: body.matchers,
          startsAt,
          endsAt,
          createdBy: personOf(request).name,
          comment: body.comment,
        },
        now,
      );
    },
  );

  api.post<{ Body: Pick<NewSilenceBody, 'matchers'> }>(
    '/silences/preview',
    {
      config: { access: { role: 'responder' } },
      schema: {
        tags: ['silences'],
        summary:
          'What a silence with these matchers would do: warnings for fields no rule groups on, and the open incidents it would mute',
        body: {
          type: 'object',
          required: ['matchers'],
          additionalProperties: false,
          properties: { matchers: newSilenceBody.properties.matchers },
        },
      },
    },
    async (request) => {
      const { matchers } = request.body;
      const open = await deps.store.incidents.list({ status: ['open', 'acknowledged'] });
      return {
        warnings: unknownFieldWarnings(matchers, deps.rules.list()),
        incidents: incidentsMatched(matchers, open, deps.now()).map((incident) => ({
          serial: incident.serial,
          title: incident.title,
          priority: incident.priority,
          status: incident.status,
          group: incident.group,
        })),
      };
    },
  );

  api.post<{ Params: { id: string } }>(
    '/silences/:id/expire',
    {
      config: { access: { role: 'responder' } },
      schema: { tags: ['silences'], summary: 'End a silence now', params: nameParams('id') },
    },
    (request) => deps.store.silences.expire(request.params.id, personOf(request).name, deps.now()),
  );
}

/** Start and end of a new silence; ValidationError naming every field that is wrong. */
function silenceTimes(body: NewSilenceBody, now: number): { startsAt: number; endsAt: number } {
  const issues: ValidationIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ file: 'body', field, message });
  body.matchers.forEach((matcher, index) => {
    const invalid = matcher.regex ? noise.checkSilenceRegex(matcher.value) : undefined;
    if (invalid !== undefined) issue(`matchers.${index}.value`, invalid);
  });
  const startsAt = body.startsAt ?? now;
  let endsAt = body.endsAt;
  if (body.duration !== undefined) {
    const ms = parseDuration(body.duration);
    if (endsAt !== undefined) issue('duration', 'give either endsAt or duration, not both');
    else if (ms === undefined || ms <= 0) issue('duration', 'expected a duration like 30m or 2h');
    else endsAt = startsAt + ms;
  }
  endsAt ??= startsAt + DEFAULT_DURATION_MS;
  if (issues.length === 0 && endsAt <= startsAt) issue('endsAt', 'must be after the start');
  if (issues.length > 0) throw new ValidationError(issues);
  return { startsAt, endsAt };
}
