import type { SendResult } from '../channel.ts';
import type { HttpReply } from '../http.ts';
import { classifyHttpResponse, clipDetail } from '../http.ts';

/** `{"status":"success","message":"Event processed","dedup_key":"…"}` or `{"status":"invalid event","errors":[…]}`. */
interface EnqueueBody {
  status?: string;
  message?: string;
  dedup_key?: string;
  errors?: unknown;
}

/**
 * An Events API v2 reply as a SendResult: 202 ok; 400 fail/payload (or fail/config when the
 * routing key is what PagerDuty refused); 429 and 5xx retry, as the shared table says.
 */
export function classifyPagerdutyReply(reply: HttpReply, now: number): SendResult {
  const body = parseBody(reply.body);
  if (reply.status >= 200 && reply.status < 300) {
    return typeof body?.dedup_key === 'string'
      ? { kind: 'ok', providerMessageId: body.dedup_key }
      : { kind: 'ok' };
  }
  const detail = describeErrors(body);
  if (reply.status === 400) {
    const message = `PagerDuty refused the event: ${detail ?? 'invalid event'}`;
    return /routing[ _]key/i.test(detail ?? '')
      ? { kind: 'fail', reason: 'config', message: `${message}; check the integration key of the service` }
      : { kind: 'fail', reason: 'payload', message };
  }
  return classifyHttpResponse(reply.status, reply.headers, now, detail);
}

function describeErrors(body: EnqueueBody | undefined): string | undefined {
  if (!body) return undefined;
  const errors = Array.isArray(body.errors)
    ? body.errors.filter((e): e is string => typeof e === 'string')
    : [];
  const text = errors.length > 0 ? errors.join('; ') : (body.message ?? body.status);
  return text === undefined ? undefined : clipDetail(text);
}

function parseBody(text: string): EnqueueBody | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as EnqueueBody) : undefined;
  } catch {
    return undefined;
  }
}
