import type { FastifyInstance } from 'fastify';
import {
  InputError,
  JsonLimitError,
  RateLimitedError,
  ValidationError,
  readBoundedJson,
} from '../../core/index.ts';
import type { Store } from '../../store/index.ts';
import { answerError } from '../error-handler.ts';
import type { IngestIssue } from './check-ingest-event.ts';
import { checkIngestEvent } from './check-ingest-event.ts';
import { createTokenResolver } from './resolve-api-token.ts';
import type { IngestRateLimit } from './token-rate-limiter.ts';
import { TokenRateLimiter } from './token-rate-limiter.ts';

export interface IngestOptions {
  store: Store;
  now: () => number;
  /** Called after a batch became durable, so the pipeline reads it at once. */
  onAccepted?: (count: number) => void;
  /** Default 1,000. */
  maxEventsPerRequest?: number;
  /** Per token; default 100,000 events a second. */
  rateLimit?: IngestRateLimit;
}

export interface IngestCounts {
  requests: number;
  accepted: number;
  rejected: Record<string, number>;
}

const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];

/**
 * `POST /api/v1/events`: a JSON array (or one object) or NDJSON of ECS events, with a bearer token
 * that has the `ingest` scope. Either every event of a request is accepted or none is; accepted
 * events are in the store's journal before the 202 goes out.
 */
export function registerIngestRoutes(app: FastifyInstance, options: IngestOptions): IngestCounts {
  const counts: IngestCounts = { requests: 0, accepted: 0, rejected: {} };
  const resolveToken = createTokenResolver(options.store, options.now);
  const limiter = new TokenRateLimiter(options.rateLimit ?? { events: 100_000, perMs: 1_000 }, options.now);
  const maxEvents = options.maxEventsPerRequest ?? 1_000;

  app.register(async (scope) => {
    scope.removeContentTypeParser('text/plain');
    scope.addContentTypeParser(NDJSON_TYPES, { parseAs: 'string' }, (_request, body, done) => {
      done(null, new NdjsonBody(body as string));
    });
    // onError runs before the error handler sets the status: the reason is the code it answers with.
    scope.addHook('onError', async (_request, _reply, error) => {
      const code = answerError(error).body.error;
      counts.rejected[code] = (counts.rejected[code] ?? 0) + 1;
    });
    scope.post('/api/v1/events', async (request, reply) => {
      counts.requests++;
      const token = await resolveToken(request.headers.authorization, 'ingest');
      const values = eventsOf(request.body);
      if (values.length === 0) throw new InputError('no events in the request');
      if (values.length > maxEvents)
        throw new InputError(`${values.length} events in one request; at most ${maxEvents} are allowed`);
      const wait = limiter.take(token.id, values.length);
      if (wait > 0) throw new RateLimitedError(`token "${token.name}" is over its rate limit`, wait);
      const receivedAt = options.now();
      const issues: IngestIssue[] = [];
      const defaults = { receivedAt, ...(token.service !== undefined && { service: token.service }) };
      const lines: string[] = [];
      values.forEach((value, index) => {
        const event = checkIngestEvent(value, index, defaults, issues);
        if (event) lines.push(JSON.stringify(event));
      });
      if (issues.length > 0) throw rejection(issues);
      await options.store.ingestJournal.append({
        receivedAt,
        tokenId: token.id,
        count: lines.length,
        eventsNdjson: lines.join('\n'),
      });
      counts.accepted += lines.length;
      options.onAccepted?.(lines.length);
      return reply.status(202).send({ accepted: lines.length });
    });
  });
  return counts;
}

class NdjsonBody {
  constructor(readonly text: string) {}
}

function eventsOf(body: unknown): unknown[] {
  if (body instanceof NdjsonBody) return parseNdjson(body.text);
  if (body === undefined || body === null)
    throw new InputError('empty body: send a JSON array of events or NDJSON');
  return Array.isArray(body) ? body : [body];
}

function parseNdjson(text: string): unknown[] {
  const events: unknown[] = [];
  const issues: IngestIssue[] = [];
  text.split('\n').forEach((line, lineIndex) => {
    if (line.trim() === '') return;
    const parsed = readBoundedJson(line);
    if (parsed.ok) events.push(parsed.value);
    else if (parsed.reason === 'invalid-json') {
      issues.push({ index: events.length, field: '', message: `line ${lineIndex + 1} is not valid JSON` });
      events.push(undefined);
    } else throw new JsonLimitError(parsed.reason, `line ${lineIndex + 1}`);
  });
  if (issues.length > 0) throw rejection(issues);
  return events;
}

const MAX_ISSUES_SHOWN = 20;

function rejection(issues: IngestIssue[]): ValidationError {
  const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((issue) => ({
    file: 'request',
    index: issue.index,
    ...(issue.field !== '' && { field: issue.field }),
    message: `event ${issue.index}: ${issue.message}`,
  }));
  return new ValidationError(shown);
}
