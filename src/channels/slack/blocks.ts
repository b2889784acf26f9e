/** The Block Kit subset Klaxon sends through an incoming webhook (buttons only with interactivity). */
export type SlackText =
  | { type: 'plain_text'; text: string; emoji?: boolean }
  | { type: 'mrkdwn'; text: string; verbatim?: boolean };

export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji?: boolean } }
  | { type: 'section'; text?: SlackText; fields?: SlackText[] }
  | { type: 'context'; elements: SlackText[] }
  | { type: 'actions'; block_id: string; elements: SlackButton[] }
  | {
      type: 'input';
      block_id: string;
      optional: true;
      label: { type: 'plain_text'; text: string };
      element: {
        type: 'plain_text_input';
        action_id: string;
        max_length: number;
        placeholder: { type: 'plain_text'; text: string };
      };
    };

/** A Block Kit button; `value` is what comes back in the press (`ack:42`). */
export interface SlackButton {
  type: 'button';
  action_id: string;
  text: { type: 'plain_text'; text: string };
  value: string;
  style?: 'primary' | 'danger';
}

export interface SlackMessage {
  /** Shown in notifications and where blocks cannot be (mrkdwn, escaped). */
  text: string;
  blocks: SlackBlock[];
  unfurl_links: false;
  unfurl_media: false;
}

/** Documented limits, plus the undocumented total (`msg_blocks_too_long` near 13,000 characters). */
export const SLACK_LIMITS = {
  blocks: 50,
  headerChars: 150,
  sectionChars: 3000,
  fields: 10,
  fieldChars: 2000,
  contextChars: 3000,
  fallbackChars: 3000,
  totalBlockChars: 12_000,
} as const;

/** mrkdwn with `verbatim`, so bare URLs and `@here` in the text are not turned into links or pings. */
export function mrkdwn(text: string): SlackText {
  return { type: 'mrkdwn', text, verbatim: true };
}

/** Characters of text the block carries, as Slack counts them toward the message total. */
export function blockChars(block: SlackBlock): number {
  switch (block.type) {
    case 'header':
      return block.text.text.length;
    case 'section':
      return (
        (block.text?.text.length ?? 0) +
        (block.fields ?? []).reduce((sum, field) => sum + field.text.length, 0)
      );
    case 'context':
      return block.elements.reduce((sum, element) => sum + element.text.length, 0);
    case 'actions':
      return block.elements.reduce((sum, button) => sum + button.text.text.length + button.value.length, 0);
    case 'input':
      return block.label.text.length + block.element.placeholder.text.length;
  }
}
