import { z } from 'zod';
import { readBoundedJson } from '../../core/index.ts';
import { parseActionValue, type ChatActionKind } from '../message/index.ts';
import { SLACK_ACTION_IDS, SLACK_REASON_CHARS } from './incident-buttons.ts';

/** What Klaxon does with one interactivity request; anything else is `ignored`, with why. */
export type SlackInteraction =
  | {
      kind: 'button';
      userId: string;
      action: ChatActionKind;
      serial: number;
      /** What was typed in the reason box when Resolve was pressed. */
      reason?: string;
      /** Where to answer the person; only a Slack (or loopback) URL is kept. */
      responseUrl?: string;
    }
  | { kind: 'ignored'; why: string };

const payloadSchema = z.object({
  type: z.string(),
  user: z.object({ id: z.string().regex(/^[UW][A-Z0-9]{2,20}$/) }),
  actions: z
    .array(z.object({ action_id: z.string().max(255), value: z.string().max(2000).optional() }))
    .min(1)
    .max(25),
  response_url: z.string().max(2000).optional(),
  state: z
    .object({
      values: z.record(
        z.string(),
        z.record(z.string(), z.object({ value: z.string().nullable().optional() }).loose()),
      ),
    })
    .optional(),
});

const ACTION_OF: Record<string, ChatActionKind> = {
  [SLACK_ACTION_IDS.ack]: 'ack',
  [SLACK_ACTION_IDS.resolve]: 'resolve',
};

/**
 * The `payload` field of a (signed) `application/x-www-form-urlencoded` interactivity request: a
 * Klaxon button press, or `ignored` (another type, another element, a malformed payload).
 */
export function parseSlackInteraction(form: string): SlackInteraction {
  const text = new URLSearchParams(form).get('payload');
  if (text === null) return { kind: 'ignored', why: 'no payload field' };
  const json = readBoundedJson(text);
  if (!json.ok) return { kind: 'ignored', why: `the payload is not readable JSON (${json.reason})` };
  const parsed = payloadSchema.safeParse(json.value);
  if (!parsed.success) return { kind: 'ignored', why: 'the payload is not a block_actions press' };
  const payload = parsed.data;
  if (payload.type !== 'block_actions')
    return { kind: 'ignored', why: `payload type ${payload.type.slice(0, 40)}` };
  const pressed = payload.actions[0]!;
  const kind = ACTION_OF[pressed.action_id];
  const value = parseActionValue(pressed.value);
  if (kind === undefined || value === undefined || value.action !== kind)
    return { kind: 'ignored', why: 'not a Klaxon button' };
  const reason =
    payload.state?.values[SLACK_ACTION_IDS.reasonBlock]?.[SLACK_ACTION_IDS.reason]?.value?.trim();
  const responseUrl = payload.response_url;
  return {
    kind: 'button',
    userId: payload.user.id,
    action: kind,
    serial: value.serial,
    ...(reason && { reason: reason.slice(0, SLACK_REASON_CHARS) }),
    ...(responseUrl !== undefined && isSlackResponseUrl(responseUrl) && { responseUrl }),
  };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A press names its own answer URL: only Slack's (or this machine's, a test peer) is ever called. */
export function isSlackResponseUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  if (url.protocol === 'http:') return LOOPBACK.has(url.hostname);
  return url.protocol === 'https:' && /(^|\.)slack(-gov)?\.com$/.test(url.hostname);
}
