import { classifyFetchError, clipDetail, redactSecrets } from '../http.ts';

const TIMEOUT_MS = 10_000;

/**
 * Answers a press through its `response_url` (valid for 30 minutes, five answers): an ephemeral
 * line only the person sees, as Telegram's answer to a press. The URL grants posting, so it is
 * kept out of the error; the error says what went wrong.
 */
export async function postSlackResponse(
  responseUrl: string,
  text: string,
  fetch: typeof globalThis.fetch,
  signal: AbortSignal,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text }),
      redirect: 'manual',
      signal: AbortSignal.any([signal, AbortSignal.timeout(TIMEOUT_MS)]),
    });
  } catch (error) {
    throw new Error(`Slack response_url: ${classifyFetchError(error).message}`);
  }
  const body = await response.text().catch(() => '');
  if (!response.ok)
    throw new Error(
      `Slack response_url: HTTP ${response.status}: ${clipDetail(redactSecrets(body, [responseUrl]))}`,
    );
}
