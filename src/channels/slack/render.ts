import { clipText } from '../clip-text.ts';
import type { Notification } from '../../core/index.ts';
import { describeNotification } from '../message/index.ts';
import { blockChars, mrkdwn, SLACK_LIMITS } from './blocks.ts';
import type { SlackBlock, SlackMessage } from './blocks.ts';
import { clipEscaped, escapeCodeBlock, escapeMrkdwn } from './escape-mrkdwn.ts';
import { incidentButtons } from './incident-buttons.ts';
import { slackButtonsOn, type SlackConfig } from './schema.ts';

/** Facts with values up to this long sit side by side in section fields; longer ones get a section. */
const FIELD_VALUE_CHARS = 120;

/**
 * Block Kit: header (title), section fields (facts), evidence in a code block, the dashboard link,
 * the buttons (when `slack_users` is set) and a context footer. Every text is escaped and clipped; blocks that do not fit Slack's limits
 * are dropped from the middle, and a note says so, so the message is always accepted.
 */
export function renderSlack(notification: Notification, config: SlackConfig): SlackMessage {
  const content = describeNotification(notification);
  const middle = [...factBlocks(content.facts), ...evidenceBlocks(content.evidence)];
  const mention = mentionFor(notification, config);
  const head: SlackBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: clipPlain(content.title, SLACK_LIMITS.headerChars), emoji: false },
    },
    ...(mention ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: mention } }] : []),
  ];
  const tail: SlackBlock[] = [
    ...(content.link ? [{ type: 'section' as const, text: mrkdwn(linkText(content.link)) }] : []),
    ...(slackButtonsOn(config) ? incidentButtons(notification) : []),
    {
      type: 'context',
      elements: [mrkdwn(clipEscaped(escapeMrkdwn(content.footer), SLACK_LIMITS.contextChars))],
    },
  ];
  return {
    text: clipEscaped(escapeMrkdwn(content.title), SLACK_LIMITS.fallbackChars),
    blocks: [...head, ...fitMiddle(middle, head, tail, content.link !== undefined), ...tail],
    unfurl_links: false,
    unfurl_media: false,
  };
}

function factBlocks(facts: [string, string][]): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  let fields: ReturnType<typeof mrkdwn>[] = [];
  const flush = () => {
    if (fields.length > 0) blocks.push({ type: 'section', fields });
    fields = [];
  };
  for (const [label, value] of facts) {
    if (label && value.length <= FIELD_VALUE_CHARS) {
      fields.push(
        mrkdwn(clipEscaped(`*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value)}`, SLACK_LIMITS.fieldChars)),
      );
      if (fields.length === SLACK_LIMITS.fields) flush();
      continue;
    }
    flush();
    const text = label ? `*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value)}` : escapeMrkdwn(value);
    blocks.push({ type: 'section', text: mrkdwn(clipEscaped(text, SLACK_LIMITS.sectionChars)) });
  }
  flush();
  return blocks;
}

/** One code block with as many whole lines as fit a section. */
function evidenceBlocks(evidence: string[]): SlackBlock[] {
  if (evidence.length === 0) return [];
  const open = '*Evidence*\n```\n';
  const close = '\n```';
  const moreNote = (count: number) => (count > 0 ? `\n_${count} more lines not shown_` : '');
  const room = SLACK_LIMITS.sectionChars - open.length - close.length - moreNote(evidence.length).length;
  const lines: string[] = [];
  let used = 0;
  for (const line of evidence) {
    const escaped = clipEscaped(escapeCodeBlock(line), room);
    if (used + escaped.length + 1 > room) break;
    lines.push(escaped);
    used += escaped.length + 1;
  }
  const more = evidence.length - lines.length;
  const text = `${open}${lines.join('\n')}${close}${moreNote(more)}`;
  return [{ type: 'section', text: mrkdwn(text) }];
}

/** The middle blocks that fit beside head and tail, plus a note when some had to go. */
function fitMiddle(
  middle: SlackBlock[],
  head: SlackBlock[],
  tail: SlackBlock[],
  hasLink: boolean,
): SlackBlock[] {
  const fixed = [...head, ...tail];
  const note: SlackBlock = {
    type: 'section',
    text: mrkdwn(`_Some details are not shown here${hasLink ? ': open the incident in Klaxon' : ''}._`),
  };
  const maxBlocks = SLACK_LIMITS.blocks - fixed.length - 1;
  let chars = fixed.reduce((sum, block) => sum + blockChars(block), 0) + blockChars(note);
  const kept: SlackBlock[] = [];
  for (const block of middle) {
    const size = blockChars(block);
    if (kept.length === maxBlocks || chars + size > SLACK_LIMITS.totalBlockChars) return [...kept, note];
    kept.push(block);
    chars += size;
  }
  return kept;
}

function mentionFor(notification: Notification, config: SlackConfig): string | undefined {
  const priority = notification.incident?.priority;
  if (!config.mention || notification.kind !== 'opened' || !priority) return undefined;
  return config.mention_priorities.includes(priority) ? config.mention : undefined;
}

/** `<url|label>`: the URL is ours, but `|` and `>` would still end it early. */
function linkText(link: string): string {
  const url = escapeMrkdwn(link).replace(/\|/g, '%7C');
  return `<${url}|Open in Klaxon>`;
}

const clipPlain = clipText;
