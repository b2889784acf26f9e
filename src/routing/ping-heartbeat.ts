export type PingFailureReason = 'config' | 'status' | 'network' | 'timeout' | 'aborted';

export type PingResult =
  { ok: true; status: number } | { ok: false; reason: PingFailureReason; status?: number; message: string };

export interface PingOptions {
  /** Default GET, or POST when a body is given (healthchecks.io keeps it as the ping's log). */
  method?: 'GET' | 'POST';
  body?: string;
}

/**
 * Pings a dead man's switch (healthchecks-style URL) so that someone notices when Klaxon stops.
 * Never throws: every outcome is a value. The URL is a secret (it lets anyone ping as us), so no
 * message ever contains it, nor any error text that could quote it.
 */
export async function pingHeartbeat(
  url: string,
  fetch: typeof globalThis.fetch,
  signal: AbortSignal,
  options: PingOptions = {},
): Promise<PingResult> {
  if (!isHttpUrl(url)) {
    return { ok: false, reason: 'config', message: 'the heartbeat ping URL is not a valid http(s) URL' };
  }
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      signal,
      ...(options.body !== undefined && {
        body: options.body,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      }),
    });
  } catch (error) {
    return describeFailure(error, signal);
  }
  // Free the connection; the answer's text is not needed.
  await response.body?.cancel().catch(() => undefined);
  if (response.ok) return { ok: true, status: response.status };
  return {
    ok: false,
    reason: 'status',
    status: response.status,
    message: `heartbeat ping answered HTTP ${response.status}`,
  };
}

function isHttpUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === 'http:' || protocol === 'https:';
}

function describeFailure(error: unknown, signal: AbortSignal): PingResult {
  if (signal.aborted) {
    const timedOut = (signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError';
    return timedOut
      ? { ok: false, reason: 'timeout', message: 'heartbeat ping timed out' }
      : { ok: false, reason: 'aborted', message: 'heartbeat ping was cancelled' };
  }
  const code = readErrorCode(error);
  const timeout = code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT';
  return {
    ok: false,
    reason: timeout ? 'timeout' : 'network',
    message: `heartbeat ping failed: ${timeout ? 'timeout' : 'network error'}${code ? ` (${code})` : ''}`,
  };
}

/** The system error code (`ECONNREFUSED`, `ENOTFOUND`) of fetch's error or its cause, if any. */
function readErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
