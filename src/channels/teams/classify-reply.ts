import type { FailureReason, SendResult } from '../channel.ts';
import { classifyHttpResponse, redactSecrets } from '../http.ts';
import type { HttpReply } from '../http.ts';

/**
 * Teams Workflows answers 202 Accepted; failures come from the Logic Apps front door as
 * `{"error":{"code":"WorkflowNotFound","message":"..."}}`. The code says more than the status.
 */
const CODE_REASONS: [pattern: RegExp, reason: FailureReason][] = [
  [/Signature|Authoriz|Authenticat|Unauthorized/i, 'auth'],
  [/NotFound|NotEnabled|Disabled|Suspended/i, 'config'],
  [/SchemaMismatch|InvalidRequestContent|InvalidTemplate|TooLarge|SizeExceeded/i, 'payload'],
];

export function classifyTeamsReply(reply: HttpReply, now: number, webhookUrl: string): SendResult {
  const error = readError(reply.body);
  const text = error ? `${error.code}${error.message ? `: ${error.message}` : ''}` : reply.body.trim();
  const detail = text ? `Teams: ${scrubSig(redactSecrets(text, [webhookUrl]))}` : undefined;
  const shared = classifyHttpResponse(reply.status, reply.headers, now, detail);
  if (shared.kind !== 'fail') return shared;
  const byCode = error && CODE_REASONS.find(([pattern]) => pattern.test(error.code))?.[1];
  const reason = byCode ?? (reply.status === 413 ? 'payload' : undefined);
  return reason ? { ...shared, reason } : shared;
}

function readError(body: string): { code: string; message?: string } | undefined {
  if (!body.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    const code = parsed.error?.code;
    if (typeof code !== 'string') return undefined;
    const message = parsed.error?.message;
    return typeof message === 'string' ? { code, message } : { code };
  } catch {
    return undefined;
  }
}

/** Any trigger signature, even of another flow a message may quote. */
function scrubSig(text: string): string {
  return text.replace(/([?&]sig=)[^&\s"']+/gi, '$1<secret>');
}
