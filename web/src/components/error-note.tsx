import { ApiError } from '../http.ts';

/** What went wrong, in words: the API's message, never a stack. */
export function ErrorNote({ error }: { error: Error | undefined }) {
  if (!error) return null;
  return (
    <p className="error-note" role="alert">
      {describeError(error)}
    </p>
  );
}

export function describeError(error: Error): string {
  if (!(error instanceof ApiError)) return `The server could not be reached (${error.message}).`;
  if (error.code === 'forbidden') return `Not allowed: ${error.message}`;
  if (error.code === 'csrf') return 'The session token is stale; reload the page and try again.';
  if (error.code === 'rate_limited' && error.retryAfterSeconds !== undefined)
    return `${error.message} (try again in ${error.retryAfterSeconds} s)`;
  return error.message;
}
