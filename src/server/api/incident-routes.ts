import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../core/index.ts';
import type { Incident, IncidentStatus, PersonActionName, Priority } from '../../core/index.ts';
import { summarizeEvent } from '../../parsers/index.ts';
import { announcePersonAction, caseNoteOf } from '../../routing/index.ts';
import { requireActiveUser } from '../../store/index.ts';
import type { StoreOperations } from '../../store/index.ts';
import { personOf } from '../auth/index.ts';
import type { ApiDependencies } from './api-dependencies.ts';
import { buildTimeline } from './incident-timeline.ts';
import { serialParams, text } from './route-schemas.ts';

interface ListQuery {
  status?: string;
  priority?: string;
  rule?: string;
  q?: string;
  sort: 'newest' | 'oldest' | 'priority';
  limit: number;
  offset: number;
}

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: {
      type: 'string',
      pattern: '^(open|acknowledged|resolved)(,(open|acknowledged|resolved))*$',
      description: 'comma-separated statuses',
    },
    priority: { type: 'string', pattern: '^P[1-5](,P[1-5])*$', description: 'comma-separated: P1,P2' },
    rule: { type: 'string', minLength: 1, maxLength: 200 },
    q: { type: 'string', maxLength: 200, description: 'part of a group value: an address, a user name' },
    sort: { type: 'string', enum: ['newest', 'oldest', 'priority'], default: 'newest' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
} as const;

type Params = { serial: number };

/** A person action: the one body field it takes, the store call, the change kind announced to dashboards. */
interface PersonAction {
  field: string;
  required: boolean;
  kind: string;
  /** How the channels told about the incident hear of it. */
  notice: PersonActionName;
  run(
    store: StoreOperations,
    serial: number,
    by: string,
    at: number,
    value: string | undefined,
  ): Promise<Incident>;
}

const ACTIONS: Record<string, PersonAction> = {
  acknowledge: {
    field: 'note',
    required: false,
    kind: 'acknowledged',
    notice: 'ack',
    run: (store, serial, by, at, note) => store.incidents.acknowledge(serial, by, at, note),
  },
  assign: {
    field: 'assignee',
    required: true,
    kind: 'assigned',
    notice: 'assign',
    run: async (store, serial, by, at, assignee) => {
      await requireActiveUser(store.users, assignee as string);
      return store.incidents.assign(serial, assignee as string, by, at);
    },
  },
  notes: {
    field: 'text',
    required: true,
    kind: 'noted',
    notice: 'note',
    run: (store, serial, by, at, text) => store.incidents.note(serial, by, at, text as string),
  },
  resolve: {
    field: 'resolution',
    required: true,
    kind: 'resolved',
    notice: 'resolve',
    run: (store, serial, by, at, resolution) => store.incidents.resolve(serial, by, at, resolution as string),
  },
  reopen: {
    field: 'reason',
    required: false,
    kind: 'reopened',
    notice: 'reopen',
    run: (store, serial, by, at, reason) => store.incidents.reopen(serial, by, at, reason),
  },
};

function bodySchemaOf(action: PersonAction) {
  return {
    type: 'object',
    additionalProperties: false,
    required: action.required ? [action.field] : [],
    properties: { [action.field]: text() },
  };
}

export function registerIncidentRoutes(api: FastifyInstance, deps: ApiDependencies): void {
  api.get<{ Querystring: ListQuery }>(
    '/incidents',
    {
      config: { access: { role: 'viewer', tokenScope: 'read' } },
      schema: {
        tags: ['incidents'],
        summary: 'Incidents matching the filters, and how many match',
        querystring: listQuery,
      },
    },
    async (request) => {
      const query = request.query;
      const filter = {
        ...(query.status !== undefined && { status: query.status.split(',') as IncidentStatus[] }),
        ...(query.priority !== undefined && { priority: query.priority.split(',') as Priority[] }),
        ...(query.rule !== undefined && { ruleId: query.rule }),
        ...(query.q !== undefined && { q: query.q }),
      };
      const [items, total] = await Promise.all([
        deps.store.incidents.list({ ...filter, order: query.sort, limit: query.limit, offset: query.offset }),
        deps.store.incidents.count(filter),
      ]);
      return { items, total };
    },
  );

  api.get<{ Params: Params }>(
    '/incidents/:serial',
    {
      config: { access: { role: 'viewer', tokenScope: 'read' } },
      schema: {
        tags: ['incidents'],
        summary:
          'One incident, its audit trail, its attempts over time and the group messages that listed it',
        params: serialParams,
      },
    },
    async (request) => {
      const { serial } = request.params;
      const incident = await deps.store.incidents.get(serial);
      if (incident === undefined) throw new NotFoundError(`incident #${serial} does not exist`);
      const history = await deps.store.incidents.history(serial);
      // evidence[i] is samples[i] in one readable line; the raw record stays in samples[i].event.original.
      const evidence = incident.samples.map((event) => ({
        at: event['@timestamp'],
        summary: summarizeEvent(event),
      }));
      // Group messages that listed it (routes with `group_by`): "sent in group with #3, #4".
      const groupMessages = await deps.store.notificationGroups.messagesOf(serial);
      // Its case (the other incidents of the attack) and earlier incidents about the same entities.
      const incidentCase = (await caseNoteOf(deps.store, incident)) ?? null;
      return {
        incident,
        history,
        timeline: buildTimeline(incident, history),
        evidence,
        groupMessages,
        case: incidentCase,
      };
    },
  );

  api.get<{ Querystring: { limit: number } }>(
    '/cases',
    {
      config: { access: { role: 'viewer', tokenScope: 'read' } },
      schema: {
        tags: ['incidents'],
        summary:
          'Cases, newest first: the incidents of one attack (same address, account or host at overlapping times)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
        },
      },
    },
    async (request) => ({ items: await deps.store.cases.list({ limit: request.query.limit }) }),
  );

  for (const [path, action] of Object.entries(ACTIONS)) {
    api.post<{ Params: Params; Body: Record<string, string> }>(
      `/incidents/:serial/${path}`,
      {
        config: { access: { role: 'responder' } },
        schema: {
          tags: ['incidents'],
          summary: `${path} an incident (409 when its status does not allow it)`,
          params: serialParams,
          body: bodySchemaOf(action),
        },
      },
      async (request) => {
        const { serial } = request.params;
        const value = request.body[action.field];
        const by = personOf(request).name;
        const at = deps.now();
        // The action and the messages that tell the channels of it commit together.
        const incident = await deps.store.transaction(async (tx) => {
          const changed = await action.run(tx, serial, by, at, value);
          const notice = { action: action.notice, by, at, ...(value !== undefined && { text: value }) };
          if (deps.personActions) await announcePersonAction(tx, changed, notice, deps.personActions);
          return changed;
        });
        deps.incidentChanges.publish?.({ kind: action.kind, incident });
        return { incident };
      },
    );
  }
}
