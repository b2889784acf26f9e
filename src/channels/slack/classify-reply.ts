import type { FailureReason, SendResult } from '../channel.ts';
import { classifyHttpResponse, clipDetail, redactSecrets } from '../http.ts';
import type { HttpReply } from '../http.ts';

/**
 * What Slack's plain-text error bodies mean for delivery (api.slack.com, "Handling errors" for
 * incoming webhooks). Anything not listed falls back to the shared status table.
 */
const SLACK_ERRORS: Record<string, { reason: FailureReason; hint: string }> = {
  invalid_payload: { reason: 'payload', hint: 'Slack could not read the message' },
  no_text: { reason: 'payload', hint: 'the message had no text' },
  invalid_blocks: { reason: 'payload', hint: 'Slack refused the blocks' },
  invalid_blocks_format: { reason: 'payload', hint: 'Slack refused the blocks' },
  msg_too_long: { reason: 'payload', hint: 'the message is too long' },
  msg_blocks_too_long: { reason: 'payload', hint: 'the blocks are too long' },
  too_many_attachments: { reason: 'payload', hint: 'too many attachments' },
  invalid_token: { reason: 'auth', hint: 'the webhook URL is not valid any more; create a new one' },
  no_service: { reason: 'config', hint: 'the webhook was disabled or removed; create a new one' },
  no_active_hooks: { reason: 'config', hint: 'the webhook was disabled; create a new one' },
  no_team: { reason: 'config', hint: 'the workspace no longer exists' },
  team_disabled: { reason: 'config', hint: 'the workspace is disabled' },
  user_not_found: { reason: 'config', hint: 'the target user does not exist' },
  channel_not_found: { reason: 'config', hint: 'the channel does not exist' },
  channel_is_archived: {
    reason: 'config',
    hint: 'the channel was archived; unarchive it or point the webhook elsewhere',
  },
  action_prohibited: { reason: 'config', hint: 'a workspace restriction forbids this post' },
  posting_to_general_channel_denied: { reason: 'config', hint: 'only admins may post to this channel' },
};

export function classifySlackReply(reply: HttpReply, now: number, webhookUrl: string): SendResult {
  const code = redactSecrets(reply.body.trim(), [webhookUrl]);
  const known =
    reply.status >= 400 && reply.status < 500 && reply.status !== 429 && Object.hasOwn(SLACK_ERRORS, code)
      ? SLACK_ERRORS[code]
      : undefined;
  if (known)
    return {
      kind: 'fail',
      reason: known.reason,
      message: `Slack: ${code} (HTTP ${reply.status}): ${known.hint}`,
    };
  // A 200 always carries `ok`; anything else with 2xx is unexpected but was accepted.
  return classifyHttpResponse(
    reply.status,
    reply.headers,
    now,
    code ? `Slack: ${clipDetail(code)}` : undefined,
  );
}
