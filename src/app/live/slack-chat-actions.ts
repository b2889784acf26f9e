import { postSlackResponse, type SlackInteraction } from '../../channels/slack/index.ts';
import { admitChatPerson, attemptChatAction } from './chat-person.ts';
import type { ChatIncidentActions, ChatPersonContext } from './chat-person.ts';

export interface SlackActionContext extends ChatPersonContext {
  actions: ChatIncidentActions;
  fetch: typeof globalThis.fetch;
  signal: AbortSignal;
}

/** The resolution of a Resolve press with an empty reason box. */
export function defaultSlackResolution(user: string): string {
  return `resolved from Slack by ${user} (no reason given)`;
}

/**
 * Carries out one verified press: a mapped person acknowledges or resolves through the incident
 * actions (the same as the API's, announced to the channels); anyone else is refused, logged and
 * reported. The outcome goes back to the person alone, through the press's `response_url`, after
 * the HTTP answer (Slack wants that within three seconds); a store failure throws (a 500).
 */
export async function handleSlackPress(
  press: Extract<SlackInteraction, { kind: 'button' }>,
  ctx: SlackActionContext,
): Promise<void> {
  const what = `${press.action} #${press.serial}`;
  const user = await admitChatPerson('slack', press.userId, what, ctx);
  if (user === undefined) {
    respond(
      ctx,
      press,
      'Not allowed: your Slack account is not mapped to a Klaxon user who may act on incidents.',
    );
    return;
  }
  const at = ctx.now();
  const refusal =
    press.action === 'ack'
      ? await attemptChatAction(() => ctx.actions.acknowledge(press.serial, user, at))
      : await attemptChatAction(() =>
          ctx.actions.resolve(press.serial, user, at, press.reason ?? defaultSlackResolution(user)),
        );
  const done = press.action === 'ack' ? 'acknowledged' : 'resolved';
  respond(ctx, press, refusal ?? `#${press.serial} ${done} by ${user}`);
}

/** Fire and forget: the action is in the store whether or not the person's answer arrives. */
function respond(ctx: SlackActionContext, press: { responseUrl?: string }, text: string): void {
  if (press.responseUrl === undefined) return;
  postSlackResponse(press.responseUrl, text, ctx.fetch, ctx.signal).catch((error: unknown) => {
    if (!ctx.signal.aborted)
      ctx.log(`slack ${ctx.channel}: could not answer a press: ${(error as Error).message}`, 'warn');
  });
}
