import { clipDetail } from '../http.ts';

/** Where and as whom to call the Bot API. The token travels in the URL path and never into errors. */
export interface BotApiTarget {
  baseUrl: string;
  token: string;
  fetch: typeof globalThis.fetch;
  /** How long a call may take beyond its own wait (default 10 s). */
  timeoutMs?: number;
}

/** A Bot API call that failed: network, HTTP status or `ok: false`; its message holds no token. */
export class BotApiError extends Error {
  override name = 'BotApiError';
}

/** How long a call may take before it counts as failed (a long poll adds its own wait). */
const CALL_TIMEOUT_MS = 10_000;

/**
 * One Bot API method call with a JSON body, answering its `result`. The caller's signal aborts it
 * (shutdown); a peer that never answers fails it after `waitMs` plus ten seconds.
 */
export async function callBotApi(
  target: BotApiTarget,
  method: string,
  body: object,
  signal: AbortSignal,
  waitMs = 0,
): Promise<unknown> {
  const deadline = AbortSignal.any([
    signal,
    AbortSignal.timeout(waitMs + (target.timeoutMs ?? CALL_TIMEOUT_MS)),
  ]);
  const url = `${target.baseUrl.replace(/\/+$/, '')}/bot${target.token}/${method}`;
  let response: Response;
  try {
    response = await target.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal: deadline,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new BotApiError(scrub(`${method}: ${(error as Error).message ?? String(error)}`, target.token));
  }
  const text = await response.text().catch((error: unknown) => {
    if (signal.aborted) throw error;
    throw new BotApiError(scrub(`${method}: ${(error as Error).message}`, target.token));
  });
  let parsed: { ok?: unknown; result?: unknown; description?: unknown } | undefined;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    parsed = undefined;
  }
  if (response.ok && parsed?.ok === true) return parsed.result;
  const why = typeof parsed?.description === 'string' ? parsed.description : text;
  throw new BotApiError(scrub(`${method}: HTTP ${response.status}: ${clipDetail(why)}`, target.token));
}

function scrub(text: string, token: string): string {
  const secret = token.slice(token.indexOf(':') + 1);
  const once = text.split(token).join('<bot token>');
  return secret.length >= 8 ? once.split(secret).join('<bot token>') : once;
}
