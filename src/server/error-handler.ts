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
};

/**
 * The one place that turns errors into HTTP answers (routes never build error responses):
 * Klaxon's errors by their code, Fastify's own (body too large, bad JSON, wrong content type) by
 * their status, anything else as a 500 whose details stay in the log.
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof KlaxonError && STATUS_BY_CODE[error.code] !== undefined) {
    if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds));
    const body: ErrorBody = { error: error.code, message: error.message };
    if (error instanceof ValidationError) body.details = error.issues;
    void reply.status(STATUS_BY_CODE[error.code] as number).send(body);
    return;
  }
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    const code = (error as FastifyError).code ?? 'bad_request';
    void reply
      .status(status)
      .send({ error: fastifyCode(code, status), message: error.message } satisfies ErrorBody);
    return;
  }
  request.log.error({ err: error }, 'request failed');
  void reply
    .status(500)
    .send({ error: 'internal', message: 'internal error (see the server log)' } satisfies ErrorBody);
}

function fastifyCode(code: string, status: number): string {
  if (status === 413) return 'too_large';
  if (status === 415) return 'unsupported_media_type';
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return 'invalid_json';
  if (status === 404) return 'not_found';
  return 'bad_request';
}
