/** An answer of the API other than 2xx, with the error body's code (`csrf`, `conflict`, ...). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface HttpOptions {
  /** The session's CSRF token, sent with every state-changing request. */
  csrfToken: () => string | undefined;
  /** Called on 401 for anything but the login itself (the session ended). */
  onUnauthorized: () => void;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

export type Send = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** JSON over fetch to `/api/v1`, with the cookie, the CSRF header and errors as ApiError. */
export function createSend(options: HttpOptions): Send {
  return async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = options.csrfToken();
    if (!SAFE_METHODS.has(method) && csrf) headers['x-csrf-token'] = csrf;
    const response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 204) return undefined as T;
    const payload = await readJson(response);
    if (response.ok) return payload as T;
    const error = toApiError(response, payload);
    if (response.status === 401 && path !== '/session') options.onUnauthorized();
    throw error;
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { error: 'invalid_response', message: `the server answered ${response.status} without JSON` };
  }
}

function toApiError(response: Response, payload: unknown): ApiError {
  const body = (payload ?? {}) as { error?: unknown; message?: unknown };
  const code = typeof body.error === 'string' ? body.error : `http_${response.status}`;
  const message = typeof body.message === 'string' ? body.message : `request failed (${response.status})`;
  const header = response.headers.get('retry-after');
  const retryAfter = header === null ? undefined : Number(header);
  return new ApiError(response.status, code, message, Number.isFinite(retryAfter) ? retryAfter : undefined);
}
