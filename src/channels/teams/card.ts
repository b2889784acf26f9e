/** The Adaptive Card subset Klaxon posts (schema 1.2, what Teams renders on desktop and mobile). */
export interface TextRun {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
  size?: 'Small' | 'Medium' | 'Large';
  color?: 'Attention' | 'Good' | 'Warning';
  fontType?: 'Monospace';
  isSubtle?: boolean;
}

/** RichTextBlock: TextRun text is never read as Markdown, so hostile text shows as it is. */
export interface RichTextBlock {
  type: 'RichTextBlock';
  inlines: TextRun[];
  spacing?: 'None' | 'Small' | 'Medium';
  separator?: boolean;
}

export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.2';
  body: RichTextBlock[];
  actions?: { type: 'Action.OpenUrl'; title: string; url: string }[];
  msteams?: { width: 'Full' };
}

/** The body the Workflows trigger "When a Teams webhook request is received" expects. */
export interface TeamsMessage {
  type: 'message';
  attachments: [
    { contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard },
  ];
}

/** Teams refuses messages above about 28 KB; keep a margin for what the flow adds. */
export const TEAMS_MAX_BYTES = 26_000;
/** No single text needs more; longer ones are clipped so one fact cannot crowd out the rest. */
export const TEAMS_MAX_RUN_CHARS = 2000;

export function textRun(text: string, style: Omit<TextRun, 'type' | 'text'> = {}): TextRun {
  const clipped = text.length <= TEAMS_MAX_RUN_CHARS ? text : `${text.slice(0, TEAMS_MAX_RUN_CHARS - 1)}…`;
  return { type: 'TextRun', text: clipped, ...style };
}

export function richText(
  inlines: TextRun[],
  options: Omit<RichTextBlock, 'type' | 'inlines'> = {},
): RichTextBlock {
  return { type: 'RichTextBlock', inlines, ...options };
}
