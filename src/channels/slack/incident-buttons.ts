import type { Notification } from '../../core/index.ts';
import { incidentActions } from '../message/index.ts';
import type { SlackBlock, SlackButton } from './blocks.ts';

/** The ids a press carries back: which block and element, so anything else is ignored. */
export const SLACK_ACTION_IDS = {
  actionsBlock: 'klaxon_actions',
  ack: 'klaxon_ack',
  resolve: 'klaxon_resolve',
  reasonBlock: 'klaxon_reason',
  reason: 'reason',
} as const;

/** The longest resolution taken from the reason box. */
export const SLACK_REASON_CHARS = 2_000;

/**
 * Acknowledge and Resolve under a message about an incident a person can still act on, and an
 * optional reason box that a Resolve press takes its resolution from (Slack sends what is typed
 * there with the press; a modal would need a bot token, which an incoming webhook does not have).
 */
export function incidentButtons(notification: Notification): SlackBlock[] {
  const actions = incidentActions(notification);
  if (actions.length === 0) return [];
  const serial = notification.incident!.serial;
  const buttons: SlackButton[] = actions.map((action) =>
    action === 'ack'
      ? button(SLACK_ACTION_IDS.ack, 'Acknowledge', `ack:${serial}`, 'primary')
      : button(SLACK_ACTION_IDS.resolve, 'Resolve', `resolve:${serial}`),
  );
  const reason: SlackBlock = {
    type: 'input',
    block_id: SLACK_ACTION_IDS.reasonBlock,
    optional: true,
    label: { type: 'plain_text', text: 'Reason (for Resolve)' },
    element: {
      type: 'plain_text_input',
      action_id: SLACK_ACTION_IDS.reason,
      max_length: SLACK_REASON_CHARS,
      placeholder: { type: 'plain_text', text: 'e.g. blocked at the edge; false positive' },
    },
  };
  return [reason, { type: 'actions', block_id: SLACK_ACTION_IDS.actionsBlock, elements: buttons }];
}

function button(actionId: string, text: string, value: string, style?: 'primary'): SlackButton {
  return {
    type: 'button',
    action_id: actionId,
    text: { type: 'plain_text', text },
    value,
    ...(style && { style }),
  };
}
