import { readField } from './read-field.ts';
import type { IngestErrorDetail } from './reporter-error.ts';
import { withTimeout } from './portable.ts';
import { parseRetryAfter } from './retry-delay.ts';

export interface BatchRequest {
  endpoint: string;
  token: string;
  /** A JSON array of events. */
  body: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  /** Aborts the request when the reporter stops waiting (close() timed out). */
  signal: AbortSignal;
}

export type BatchOutcome =
  | { kind: 'accepted' }
  | { kind: 'retry'; message: string; retryAfterMs?: number }
  | { kind: 'rejected'; message: string; status: number; details?: IngestErrorDetail[] };

// What to do about a refusal, for the statuses the ingest API documents.
const HINTS: Record<number, string> = {
  401: 'the token is missing or unknown to Klaxon',
  403: 'the token lacks the ingest scope',
  404: 'no ingest API at this URL; give the Klaxon base URL',
  413: 'the batch is larger than Klaxon accepts; lower batchSize',
  415: 'Klaxon did not accept the content type',
};
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
const MAX_DETAILS = 20;
const MAX_TEXT = 300;

/** POSTs one batch and says what to do next. Never throws; messages never carry the token or URL. */
export async function postBatch(request: BatchRequest, now: () => number): Promise<BatchOutcome> {
  const deadline = withTimeout(request.signal, request.timeoutMs);
  try {
    return await attempt(request, deadline.signal, now);
  } finally {
    deadline.done();
  }
}

async function attempt(request: BatchRequest, signal: AbortSignal, now: () => number): Promise<BatchOutcome> {
  let response: Response;
  try {
    response = await request.fetch(request.endpoint, {
      method: 'POST',
      headers: { authorization: `Bearer ${request.token}`, 'content-type': 'application/json' },
      body: request.body,
      // A redirect would carry the token to another address.
      redirect: 'manual',
      signal,
    });
  } catch (error) {
    return { kind: 'retry', message: describeFetchError(error) };
  }
  const text = await response.text().catch(() => '');
  const status = response.status;
  if (status >= 200 && status < 300) return { kind: 'accepted' };
  const body = readJson(text);
  const message = describeReply(status, body);
  if (status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
    return retryAfterMs === undefined ? { kind: 'retry', message } : { kind: 'retry', message, retryAfterMs };
  }
  const details = readDetails(body);
  return details ? { kind: 'rejected', message, status, details } : { kind: 'rejected', message, status };
}

/** `HTTP 400 Bad Request: invalid_events: source.ip is not an address`, clipped. */
function describeReply(status: number, body: Record<string, unknown> | undefined): string {
  const base = `HTTP ${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ''}`;
  const said = [body?.['error'], body?.['message']].filter((part) => typeof part === 'string').join(': ');
  const hint = HINTS[status] ?? (status >= 300 && status < 400 ? 'redirects are not followed' : undefined);
  return [base, said && clip(said), hint].filter(Boolean).join(': ');
}

function readDetails(body: Record<string, unknown> | undefined): IngestErrorDetail[] | undefined {
  const details = body?.['details'];
  if (!Array.isArray(details)) return undefined;
  return details.slice(0, MAX_DETAILS).flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { index, field, message } = item as Record<string, unknown>;
    if (typeof index !== 'number' || typeof message !== 'string') return [];
    return [{ index, ...(typeof field === 'string' && { field }), message: clip(message) }];
  });
}

function readJson(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_TEXT ? flat : `${flat.slice(0, MAX_TEXT - 1)}…`;
}

/** From error names and codes only: fetch's messages may quote the URL. */
function describeFetchError(error: unknown): string {
  const name = readField(error, 'name');
  if (name === 'TimeoutError') return 'request timed out';
  if (name === 'AbortError') return 'request aborted';
  // undici wraps the socket error: TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }).
  for (let current = error, depth = 0; current !== undefined && depth < 4; depth++) {
    const code = readField(current, 'code');
    if (typeof code === 'string') return `network error (${code})`;
    current = readField(current, 'cause');
  }
  return `request failed (${typeof name === 'string' ? name : 'unknown error'})`;
}
