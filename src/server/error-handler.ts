import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { KlaxonError, RateLimitedError, ValidationError } from '../core/index.ts';

/** What every error response carries: a stable code, words for people, and details when there are some. */
export interface ErrorBody {
  error: string;
  message: string;
  details?: unknown;
}

const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  validation: 400,
  input: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  too_deep: 400,
  too_long: 400,
};

/** The status and body an error is answered with. */
export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
}

/**
 * The one place that turns errors into HTTP answers (routes never build error responses):
 * Klaxon's errors by their code, Fastify's own (body too large, bad JSON, wrong content type) by
 * their status, anything else as a 500 whose cause is logged (never sent).
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  const answer = answerError(error);
  if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds));
  if (answer.status >= 500) {
    // The path only: a query may hold a token (`?token=` for feeds).
    const url = request.url.split('?')[0];
    request.log.error({ err: error, method: request.method, url }, 'request failed');
  }
  void reply.status(answer.status).send(answer.body);
}

/** How `handleError` answers an error; its `body.error` is the reason metrics count it under. */
export function answerError(error: FastifyError | Error): ErrorAnswer {
  if (error instanceof KlaxonError && STATUS_BY_CODE[error.code] !== undefined) {
    const body: ErrorBody = { error: error.code, message: error.message };
    if (error instanceof ValidationError) body.details = error.issues;
    return { status: STATUS_BY_CODE[error.code] as number, body };
  }
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const code = (error as FastifyError).code ?? 'bad_request';
    return { status, body: { error: fastifyCode(code, status), message: error.message } };
  }
  return { status: 500, body: { error: 'internal', message: 'internal error (see the server log)' } };
}

function fastifyCode(code: string, status: number): string {
  if (status === 413) return 'too_large';
  if (status === 415) return 'unsupported_media_type';
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return 'invalid_json';
  if (status === 404) return 'not_found';
  return 'bad_request';
}
