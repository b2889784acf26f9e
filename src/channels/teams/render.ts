import type { Notification } from '../../core/index.ts';
import { describeNotification } from '../message/index.ts';
import { richText, TEAMS_MAX_BYTES, textRun } from './card.ts';
import type { AdaptiveCard, RichTextBlock, TeamsMessage, TextRun } from './card.ts';
import type { TeamsConfig } from './schema.ts';

/**
 * An Adaptive Card in the message envelope a Teams Workflows webhook takes: title, facts,
 * evidence in monospace, an "Open in Klaxon" button and the footer. All text goes in TextRuns
 * (never Markdown). Facts and evidence that would push the body past ~28 KB are left out, with a note.
 */
export function renderTeams(notification: Notification, config: TeamsConfig): TeamsMessage {
  const content = describeNotification(notification);
  const head = [
    richText([textRun(content.title, { size: 'Medium', weight: 'Bolder', ...titleColor(notification) })]),
  ];
  const middle: RichTextBlock[] = content.facts.map(([label, value]) =>
    richText(label ? [textRun(`${label}: `, { weight: 'Bolder' }), textRun(value)] : [textRun(value)], {
      spacing: 'Small',
    }),
  );
  if (content.evidence.length > 0) {
    middle.push(richText([textRun('Evidence', { weight: 'Bolder' })], { separator: true }));
    for (const line of content.evidence) {
      middle.push(richText([textRun(line, { fontType: 'Monospace', size: 'Small' })], { spacing: 'None' }));
    }
  }
  const tail = [richText([textRun(content.footer, { size: 'Small', isSubtle: true })], { separator: true })];
  const card: AdaptiveCard = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.2',
    body: [],
    ...(content.link && {
      actions: [{ type: 'Action.OpenUrl', title: 'Open in Klaxon', url: content.link }],
    }),
    ...(config.full_width && { msteams: { width: 'Full' } }),
  };
  const message = (body: RichTextBlock[]): TeamsMessage => ({
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { ...card, body },
      },
    ],
  });
  const fixed = bytes(message([...head, ...tail]));
  return message([...head, ...fitMiddle(middle, fixed, content.link !== undefined), ...tail]);
}

/** The middle blocks that fit within the byte budget, plus a note when some had to go. */
function fitMiddle(middle: RichTextBlock[], fixedBytes: number, hasLink: boolean): RichTextBlock[] {
  const note = richText([
    textRun(`Some details are not shown here${hasLink ? ': open the incident in Klaxon' : ''}.`, {
      isSubtle: true,
    }),
  ]);
  let used = fixedBytes + bytes(note) + 1;
  const kept: RichTextBlock[] = [];
  for (const block of middle) {
    const size = bytes(block) + 1;
    if (used + size > TEAMS_MAX_BYTES) return [...kept, note];
    kept.push(block);
    used += size;
  }
  return kept;
}

function titleColor(notification: Notification): Pick<TextRun, 'color'> {
  if (notification.kind === 'resolved' || notification.kind === 'flapping-stopped') return { color: 'Good' };
  if (
    notification.kind === 'opened' ||
    notification.kind === 'updated' ||
    notification.kind === 'flapping-started'
  ) {
    return { color: 'Attention' };
  }
  return {};
}

function bytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
